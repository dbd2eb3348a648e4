// `npm run store:copy -- --from lowdb --to postgres [--data-dir ./data] [--database-url postgres://…]`: moves a stopped
// server's data directory into an empty PostgreSQL database, then checks the copy by counts and by reading it back.
// Exit 0 when copied and checked, 1 when refused or a difference was found, 2 for wrong arguments.
import { CopyUsageError, parseCopyArguments } from '../src/store/copy/copy-arguments.js';
import { CopyMismatchError, CopyRefusedError } from '../src/store/copy/copy-errors.js';
import { copyLowdbToPostgres } from '../src/store/copy/copy-lowdb-to-postgres.js';

async function main(): Promise<string> {
  const args = parseCopyArguments(process.argv.slice(2), process.env);
  const summary = await copyLowdbToPostgres({ dataDir: args.dataDir, databaseUrl: args.databaseUrl, report: (line) => console.log(line) });
  return [
    'Klart: kopian är kontrollerad (antal och varje dokument läst tillbaka).',
    `  processversioner: ${summary.definitions}`,
    `  ärenden: ${summary.instances} (historikposter: ${summary.history})`,
    `  inställningar: ${summary.settings}`,
    `  bostadsregistrets ändringar: ${summary.housing}`,
    `  gallringsloggen: ${summary.gallring}`,
    `  åtkomstloggen: ${summary.access}`,
    'Starta servern med STORE=postgres och DATABASE_URL. Datakatalogen är orörd; användarfilen (users.json) och sessionsnyckeln ligger kvar där.',
  ].join('\n');
}

main().then(
  (message) => console.log(message),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof CopyUsageError) console.error(message);
    else if (error instanceof CopyRefusedError) console.error(`Avbrutet: ${message}`);
    else if (error instanceof CopyMismatchError) console.error(`Kontrollen misslyckades: ${message}`);
    else console.error(`Fel: ${message}`);
    process.exitCode = error instanceof CopyUsageError ? 2 : 1;
  },
);
