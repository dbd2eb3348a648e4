// The arguments of `npm run store:copy`: which store to copy from and to, the data directory and the database. A
// message never repeats a given value, since a database address carries its password.
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A mistake in the arguments: nothing was opened. */
export class CopyUsageError extends Error {}

export const copyUsage = `Användning:
  npm run store:copy -- --from lowdb --to postgres [--data-dir ./data] [--database-url postgres://…]
Datakatalogen är DATA_DIR (eller ./data) och databasen DATABASE_URL om de inte anges.
Servern ska vara stoppad, och databasen ska vara tom.`;

const StoreKind = z.enum(['lowdb', 'postgres'], 'ska vara lowdb eller postgres');

const CopyArgumentsSchema = z
  .object({
    from: StoreKind,
    to: StoreKind,
    dataDir: z.string('--data-dir (eller DATA_DIR) saknas').min(1, '--data-dir (eller DATA_DIR) är tomt'),
    databaseUrl: z
      .string('--database-url (eller DATABASE_URL) saknas')
      .regex(/^postgres(?:ql)?:\/\/\S+$/, 'databasens adress (värdet visas inte) ska vara postgres://användare:lösenord@värd:port/databas'),
  })
  .refine((args) => args.from === 'lowdb' && args.to === 'postgres', {
    message: 'bara --from lowdb --to postgres går att kopiera (the only direction supported)',
    path: ['from'],
  });

export type CopyArguments = z.infer<typeof CopyArgumentsSchema>;

/** Reads argv and the environment; throws CopyUsageError with every problem in Swedish. */
export function parseCopyArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CopyArguments {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { from: { type: 'string' }, to: { type: 'string' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
    }));
  } catch {
    // parseArgs names an unexpected argument by its text, which may be a database address with its password.
    throw new CopyUsageError(`Okänt eller ofullständigt argument.\n${copyUsage}`);
  }
  const parsed = CopyArgumentsSchema.safeParse({
    from: values.from,
    to: values.to,
    dataDir: values['data-dir'] ?? env.DATA_DIR ?? './data',
    databaseUrl: values['database-url'] ?? env.DATABASE_URL,
  });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${optionName(issue.path[0])}: ${issue.message}`);
  throw new CopyUsageError(`${lines.join('\n')}\n${copyUsage}`);
}

function optionName(key: PropertyKey | undefined): string {
  return { from: '--from', to: '--to', dataDir: '--data-dir', databaseUrl: '--database-url' }[String(key)] ?? String(key);
}
