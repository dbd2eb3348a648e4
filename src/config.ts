// The server's configuration, read once from the environment and checked before anything starts.
import { readFile } from 'node:fs/promises';
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

/** Variables whose value a message never repeats (a database URL carries its password). */
const secret = new Set(['DATABASE_URL', 'OIDC_CLIENT_SECRET', 'SESSION_KEY']);

const EnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: optional(integer('PORT', 0, 65535).default(3000)),
  HOST: optional(z.string().default('127.0.0.1')),
  DATA_DIR: optional(z.string().default('./data')),
  STORE: optional(z.enum(['lowdb', 'postgres'], 'STORE måste vara lowdb eller postgres.').default('lowdb')),
  DATABASE_URL: optional(z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, 'DATABASE_URL måste vara en adress postgres://användare:lösenord@värd:port/databas.').optional()),
  CLOCK: optional(z.enum(['system', 'manual'], 'CLOCK måste vara system eller manual.').default('system')),
  DEMO: optional(z.enum(['0', '1'], 'DEMO måste vara 0 eller 1.').optional()),
  PROCESSES_DIR: optional(z.string().default('./processes')),
  IVO_CONFIG: optional(z.string().default('./config/ivo.json')),
  GALLRING_CONFIG: optional(z.string().default('./config/gallring.json')),
  LOG_LEVEL: optional(z.enum(logLevels, `LOG_LEVEL måste vara en av ${logLevels.join(', ')}.`).default('info')),
  BPMN_MAX_BYTES: optional(integer('BPMN_MAX_BYTES', 1024, 64 * 1024 * 1024).default(1024 * 1024)),
  COOKIE_SECURE: optional(z.enum(['0', '1'], 'COOKIE_SECURE måste vara 0 eller 1.').default('1')),
  SESSION_KEY: optional(z.string().regex(/^[0-9a-f]{64}$/, 'SESSION_KEY måste vara 64 hexadecimala tecken (32 byte).').optional()),
  OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: 'OIDC_ISSUER måste vara en adress (https://…).' }).refine(secureOrLoopback, 'OIDC_ISSUER måste använda https (http bara mot localhost).').optional()),
  OIDC_CLIENT_ID: optional(z.string().optional()),
  OIDC_CLIENT_SECRET: optional(z.string().optional()),
  OIDC_SCOPES: optional(z.string().regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'OIDC_SCOPES måste vara scopes åtskilda av mellanslag.').default('openid profile')),
  OIDC_ROLES_FILE: optional(z.string().default('./config/oidc-roles.json')),
  OIDC_LABEL: optional(z.string().max(80, 'OIDC_LABEL får vara högst 80 tecken.').default('organisationens inloggning')),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: 'PUBLIC_URL måste vara en adress (https://…).' }).refine(isOrigin, 'PUBLIC_URL får bara ha schema, värd och port (appen ligger på /).').optional()),
});

/** Only a provider on this machine (tests, development) may be reached without TLS. */
function secureOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

function isOrigin(value: string): boolean {
  const url = new URL(value);
  return url.pathname === '/' && url.search === '' && url.hash === '';
}

/** What the server is told to do; see the table in API.md. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Where cases, history, diagrams and journals are kept: the embedded store in DATA_DIR, or PostgreSQL. */
  store: StoreConfig;
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
  /** Sign-in with the organisation's OpenID Connect provider; absent when OIDC_ISSUER and the client are not set. */
  oidc?: OidcConfig;
}

/** STORE=lowdb (the default) or STORE=postgres with DATABASE_URL, which may hold a password and is never shown. */
export type StoreConfig = { kind: 'lowdb' } | { kind: 'postgres'; databaseUrl: string };

/** The OpenID Connect client as registered at the provider, and where its roles come from. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: PUBLIC_URL's /login. */
  redirectUri: string;
  /** Space-separated, as the authorization request sends them. */
  scopes: string;
  /** The file that maps a claim's values to roles and units (config/oidc-roles.json). */
  rolesFile: string;
  /** What the sign-in button calls the provider: "Logga in med <label>". */
  label: string;
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
        const value = secret.has(name) ? '(värdet visas inte)' : JSON.stringify(env[name] ?? '');
        return `${name}=${value}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const oidc = oidcConfig(e, env);
  if (e.STORE === 'postgres' && e.DATABASE_URL === undefined) {
    throw new ConfigError(['DATABASE_URL="": behövs med STORE=postgres (postgres://användare:lösenord@värd:port/databas).']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    store: e.STORE === 'postgres' ? { kind: 'postgres', databaseUrl: e.DATABASE_URL! } : { kind: 'lowdb' },
    clock: e.CLOCK,
    demo: e.DEMO === undefined ? e.NODE_ENV !== 'production' : e.DEMO === '1',
    processesDir: e.PROCESSES_DIR,
    ivoConfigFile: e.IVO_CONFIG,
    gallringConfigFile: e.GALLRING_CONFIG,
    logLevel: e.LOG_LEVEL,
    bpmnMaxBytes: e.BPMN_MAX_BYTES,
    cookieSecure: e.COOKIE_SECURE === '1',
    sessionKey: e.SESSION_KEY ?? null,
    ...(oidc ? { oidc } : {}),
  };
}

/** All of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL, or none: half a client is a setup mistake. */
function oidcConfig(e: z.infer<typeof EnvSchema>, env: Record<string, string | undefined>): OidcConfig | undefined {
  const required = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: e.OIDC_CLIENT_SECRET, PUBLIC_URL: e.PUBLIC_URL };
  const missing = Object.entries(required).filter(([, value]) => value === undefined).map(([name]) => name);
  if (missing.length === Object.keys(required).length) return undefined;
  if (missing.length > 0) {
    const set = Object.keys(required).filter((name) => !missing.includes(name));
    throw new ConfigError(missing.map((name) => `${name}=${JSON.stringify(env[name] ?? '')}: behövs för inloggning med OpenID Connect (${set.join(', ')} är satt).`));
  }
  return {
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    redirectUri: new URL('/login', e.PUBLIC_URL).href,
    scopes: e.OIDC_SCOPES.split(' ').includes('openid') ? e.OIDC_SCOPES : `openid ${e.OIDC_SCOPES}`,
    rolesFile: e.OIDC_ROLES_FILE,
    label: e.OIDC_LABEL,
  };
}

/** Reads a JSON configuration file (config/ivo.json, config/gallring.json) and checks it; a bad file stops the boot naming it. */
export async function loadJsonConfig<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: kan inte läsas som JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(filen)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
