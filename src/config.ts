// The server's configuration, read once from the environment and checked before anything starts.
import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An environment variable that is unset or blank counts as unset, so its default applies. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);
}

function integer(name: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `${name} måste vara ett heltal.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} måste ligga mellan ${min} och ${max}.`);
}

const EnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: optional(integer('PORT', 0, 65535).default(3000)),
  HOST: optional(z.string().default('127.0.0.1')),
  DATA_DIR: optional(z.string().default('./data')),
  CLOCK: optional(z.enum(['system', 'manual'], 'CLOCK måste vara system eller manual.').default('system')),
  DEMO: optional(z.enum(['0', '1'], 'DEMO måste vara 0 eller 1.').optional()),
  PROCESSES_DIR: optional(z.string().default('./processes')),
  IVO_CONFIG: optional(z.string().default('./config/ivo.json')),
  GALLRING_CONFIG: optional(z.string().default('./config/gallring.json')),
  LOG_LEVEL: optional(z.enum(logLevels, `LOG_LEVEL måste vara en av ${logLevels.join(', ')}.`).default('info')),
  BPMN_MAX_BYTES: optional(integer('BPMN_MAX_BYTES', 1024, 64 * 1024 * 1024).default(1024 * 1024)),
  COOKIE_SECURE: optional(z.enum(['0', '1'], 'COOKIE_SECURE måste vara 0 eller 1.').default('1')),
  SESSION_KEY: optional(z.string().regex(/^[0-9a-f]{64}$/, 'SESSION_KEY måste vara 64 hexadecimala tecken (32 byte).').optional()),
});

/** What the server is told to do; see the table in API.md. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  clock: 'system' | 'manual';
  /** Seed demo users (and later demo data); on unless NODE_ENV=production. */
  demo: boolean;
  processesDir: string;
  /** IVO reporting windows, threshold and legal references. */
  ivoConfigFile: string;
  /** How long ended cases are kept, per law and process. */
  gallringConfigFile: string;
  logLevel: (typeof logLevels)[number];
  /** Size cap of an uploaded BPMN file; larger uploads are answered 413. */
  bpmnMaxBytes: number;
  /** Session cookies only over HTTPS (browsers also allow them on http://localhost). */
  cookieSecure: boolean;
  /** The key sessions are encrypted with; without it one is made and kept in DATA_DIR. */
  sessionKey: string | null;
}

/** A configuration value that cannot be used; the message names each bad variable in Swedish. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Felaktig konfiguration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; throws `ConfigError` so the boot stops on a bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const value = env[name];
        return `${name}=${JSON.stringify(value ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    clock: e.CLOCK,
    demo: e.DEMO === undefined ? e.NODE_ENV !== 'production' : e.DEMO === '1',
    processesDir: e.PROCESSES_DIR,
    ivoConfigFile: e.IVO_CONFIG,
    gallringConfigFile: e.GALLRING_CONFIG,
    logLevel: e.LOG_LEVEL,
    bpmnMaxBytes: e.BPMN_MAX_BYTES,
    cookieSecure: e.COOKIE_SECURE === '1',
    sessionKey: e.SESSION_KEY ?? null,
  };
}
