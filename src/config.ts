import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseKeyEntries, type ApiKeyEntry } from './keys';
import { ClaimgraphError, show } from './errors';

/** Where the graph lives. */
export type StoreConfig =
  | { engine: 'embedded'; path: string | null }
  | { engine: 'neo4j'; uri: string; username: string; password: string; database: string };

export interface Config {
  port: number;
  /** Interface to listen on; null listens on all of them. */
  host: string | null;
  store: StoreConfig;
  /** Load the seed when the store is empty at start-up. */
  seedWhenEmpty: boolean;
  /** How the HTTP API authenticates, limits and logs. */
  api: ApiConfig;
  /** What is not wrong enough to stop, but should be said: a misspelled CLAIMGRAPH_* variable. */
  warnings: string[];
}

/** Who may do what over HTTP. */
export interface AuthConfig {
  /** The known keys, as SHA-256 hashes only: a key itself is never held. */
  keys: ApiKeyEntry[];
  /** `open`: anyone may read; `key`: reading needs a key too (any role). */
  readAccess: 'open' | 'key';
  /**
   * CLAIMGRAPH_AUTH=off (local development, no key configured): every request
   * may write, under the editor its x-claimgraph-editor header names.
   */
  off: boolean;
}

/** The abuse limits; each has an environment variable (see ENVIRONMENT). */
export interface Limits {
  maxDepth: number;
  maxCost: number;
  /** What a list without `first` counts as in the cost estimate. */
  listEstimate: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxPageSize: number;
  maxBodyBytes: number;
  /** The larger body allowed for an `importBundle` request by a key that may import. */
  maxImportBodyBytes: number;
  /** Per store transaction, in milliseconds; 0 turns the timeout off. */
  readTimeoutMs: number;
  writeTimeoutMs: number;
  /**
   * The bytes of serialised documents (a claim's provenance) one operation may
   * produce: what the cost estimate cannot know before the chains are read.
   */
  maxOutputBytes: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ApiConfig {
  /** NODE_ENV=production or CLAIMGRAPH_ENV=production: limits are not described in errors, suggestions are hidden. */
  production: boolean;
  introspection: boolean;
  /** The query console at GET /console. */
  console: boolean;
  /** The explorer, the web app at GET / (when it is built). */
  explorer: boolean;
  auth: AuthConfig;
  limits: Limits;
  logLevel: LogLevel;
  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
}

/** The limits' defaults (README "Running in production" lists them). */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxDepth: 8,
  maxCost: 50_000,
  listEstimate: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 1_000,
  maxPageSize: 100,
  maxBodyBytes: 1024 * 1024,
  maxImportBodyBytes: 32 * 1024 * 1024,
  readTimeoutMs: 10_000,
  writeTimeoutMs: 60_000,
  maxOutputBytes: 4 * 1024 * 1024,
};

/** The environment variables claimgraph reads, with what each does (shown by `--help`, documented in README). */
export const ENVIRONMENT = {
  PORT: 'HTTP port of the API (default 4000).',
  HOST: 'Interface to listen on (default: all interfaces).',
  CLAIMGRAPH_DATA_DIR: 'Folder of the embedded store (default ./data); the store is the file graph.grafeo in it.',
  CLAIMGRAPH_SEED: '"auto" (default) loads the seed into an empty store at start-up; "off" never does.',
  NEO4J_URI: 'When set, use this Neo4j 5 server instead of the embedded engine (neo4j://, bolt://, with +s or +ssc for TLS).',
  NEO4J_USERNAME: 'Neo4j user (default neo4j).',
  NEO4J_PASSWORD: 'Neo4j password (required with NEO4J_URI).',
  NEO4J_DATABASE: 'Neo4j database (default neo4j).',
  CLAIMGRAPH_ENV: '"production" hides limit values and field suggestions in errors and turns introspection and the console off by default; so does NODE_ENV=production (default development).',
  CLAIMGRAPH_API_KEYS: 'API keys, comma-separated entries "role:editor:sha256-of-key" (npx claimgraph key create prints one).',
  CLAIMGRAPH_API_KEYS_FILE: 'A file of API keys, one "role:editor:sha256-of-key" per line; # starts a comment.',
  CLAIMGRAPH_READ_ACCESS: '"open" (default): anyone may read; "key": reading needs a key of any role.',
  CLAIMGRAPH_AUTH: '"off" lets anyone write, named by the x-claimgraph-editor header: local development only, refused with keys or in production (default on).',
  CLAIMGRAPH_INTROSPECTION: '"on" or "off" (default on, off in production).',
  CLAIMGRAPH_CONSOLE: 'The query console at GET /console: "on" or "off" (default on, off in production).',
  CLAIMGRAPH_EXPLORER: 'The explorer, the web app at GET / (built by npm run build): "on" (default, production too) or "off".',
  CLAIMGRAPH_PUBLISHER_NAME: 'The fact-checking organisation that publishes the ClaimReviews, their author (default: the assessing editor, with a warning).',
  CLAIMGRAPH_PUBLISHER_URL: 'The web address of that organisation, in each ClaimReview\'s author (optional).',
  CLAIMGRAPH_MAX_DEPTH: 'Deepest field nesting of an operation (default 8).',
  CLAIMGRAPH_MAX_OUTPUT_BYTES: 'Bytes of provenance documents one operation may produce (default 4194304).',
  CLAIMGRAPH_MAX_COST: 'Largest estimated cost of an operation: fields, lists counted as `first` or the list estimate (default 50000).',
  CLAIMGRAPH_LIST_ESTIMATE: 'Items a list without `first` counts as in the cost (default 10).',
  CLAIMGRAPH_MAX_ALIASES: 'Most aliases in an operation (default 15).',
  CLAIMGRAPH_MAX_DIRECTIVES: 'Most directives in an operation (default 10).',
  CLAIMGRAPH_MAX_TOKENS: 'Most tokens in a GraphQL document (default 1000); pass bundles as variables.',
  CLAIMGRAPH_MAX_PAGE_SIZE: 'Largest `first` of a list (default 100).',
  CLAIMGRAPH_MAX_BODY_BYTES: 'Largest request body (default 1048576, 1 MiB).',
  CLAIMGRAPH_MAX_IMPORT_BODY_BYTES: 'Largest body of an importBundle request by an admin key (default 33554432, 32 MiB).',
  CLAIMGRAPH_READ_TIMEOUT_MS: 'Longest run of one read transaction, in ms; 0 for none (default 10000).',
  CLAIMGRAPH_WRITE_TIMEOUT_MS: 'Longest run of one write transaction, in ms; 0 for none (default 60000).',
  CLAIMGRAPH_SHUTDOWN_GRACE_MS: 'How long SIGTERM waits for in-flight requests (default 10000).',
  CLAIMGRAPH_LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent.',
} as const;

/** The embedded store's file inside CLAIMGRAPH_DATA_DIR. */
export const EMBEDDED_STORE_FILE = 'graph.grafeo';

/**
 * Reads and checks the configuration. Every bad value is reported at once,
 * each saying what was expected and what came, so a deploy is fixed in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = valueReader(env);

  let port = 4000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port > 65535) problems.push(`PORT: expected an integer from 0 to 65535, got ${show(rawPort)}`);
  }

  const seedMode = value('CLAIMGRAPH_SEED') ?? 'auto';
  if (seedMode !== 'auto' && seedMode !== 'off') problems.push(`CLAIMGRAPH_SEED: expected "auto" or "off", got ${show(seedMode)}`);

  const host = value('HOST') ?? null;
  if (host !== null && isIP(host) === 0 && !/^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/.test(host)) {
    problems.push(`HOST: expected an IP address or a host name of this machine to listen on (e.g. 127.0.0.1, ::, localhost), got ${show(host)}`);
  }

  let store: StoreConfig;
  const uri = value('NEO4J_URI');
  if (uri === undefined) {
    const dataDir = resolve(value('CLAIMGRAPH_DATA_DIR') ?? './data');
    const kind = (() => {
      try {
        return statSync(dataDir).isDirectory() ? 'folder' : 'file';
      } catch {
        return 'nothing'; // made on first use
      }
    })();
    if (kind === 'file') problems.push(`CLAIMGRAPH_DATA_DIR: expected a folder (the store is the file ${EMBEDDED_STORE_FILE} in it), got a file: ${dataDir}`);
    store = { engine: 'embedded', path: resolve(dataDir, EMBEDDED_STORE_FILE) };
  } else {
    if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^/\s]+/.test(uri)) {
      // The URI is not echoed: it may carry credentials.
      problems.push('NEO4J_URI: expected neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// or bolt+ssc:// followed by a host');
    }
    const password = value('NEO4J_PASSWORD');
    if (password === undefined) problems.push('NEO4J_PASSWORD: expected the password of the Neo4j user, got nothing');
    store = {
      engine: 'neo4j',
      uri,
      username: value('NEO4J_USERNAME') ?? 'neo4j',
      password: password ?? '',
      database: value('NEO4J_DATABASE') ?? 'neo4j',
    };
  }

  const api = readApiConfig(env, problems);
  throwIfAny(problems);
  return { port, host, store, seedWhenEmpty: seedMode === 'auto', api, warnings: unknownSettings(env) };
}

/** Variables claimgraph reads that are not settings of the server (the CLI's). */
const OTHER_VARIABLES = ['CLAIMGRAPH_EDITOR', 'CLAIMGRAPH_API_KEY'];

/**
 * A warning for each CLAIMGRAPH_* variable claimgraph does not read (a
 * misspelling is otherwise silently ignored), naming the closest one.
 */
export function unknownSettings(env: NodeJS.ProcessEnv): string[] {
  const known = [...Object.keys(ENVIRONMENT).filter((n) => n.startsWith('CLAIMGRAPH_')), ...OTHER_VARIABLES];
  return Object.keys(env)
    .filter((name) => name.startsWith('CLAIMGRAPH_') && !known.includes(name))
    .sort()
    .map((name) => {
      // Compared after the prefix they all share: CLAIMGRAPH_FOO is near no setting.
      const suffix = closest(name.slice('CLAIMGRAPH_'.length), known.map((k) => k.slice('CLAIMGRAPH_'.length)));
      const near = suffix === null ? null : `CLAIMGRAPH_${suffix}`;
      return `${name} is not a claimgraph setting and is ignored; ${near === null ? 'the settings are listed by "npx claimgraph --help"' : `did you mean ${near}?`}`;
    });
}

/** The candidate nearest to `word` (edit distance, case-insensitive), or null when none is near enough to be a misspelling. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const name of candidates) {
    const d = editDistance(word.toUpperCase(), name.toUpperCase());
    if (best === null || d < best.d) best = { name, d };
  }
  // A third of the name may differ: CLAIMGRAPH_MAX_COSTS, CLAIMGRAPH_DATADIR, --dryrun.
  return best !== null && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Only the API settings (tests and in-process servers): the same checks as {@link loadConfig}. */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const problems: string[] = [];
  const api = readApiConfig(env, problems);
  throwIfAny(problems);
  return api;
}

function throwIfAny(problems: string[]): void {
  if (problems.length > 0) {
    throw new ClaimgraphError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
}

const valueReader =
  (env: NodeJS.ProcessEnv) =>
  (name: keyof typeof ENVIRONMENT): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

function readApiConfig(env: NodeJS.ProcessEnv, problems: string[]): ApiConfig {
  const value = valueReader(env);
  const oneOf = <T extends string>(name: keyof typeof ENVIRONMENT, allowed: readonly T[], fallback: T): T => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name}: expected ${allowed.map((a) => `"${a}"`).join(' or ')}, got ${show(raw)}`);
    return fallback;
  };
  const integer = (name: keyof typeof ENVIRONMENT, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, got ${show(raw)}`);
      return fallback;
    }
    return n;
  };

  const production = env.NODE_ENV?.trim() === 'production' || oneOf('CLAIMGRAPH_ENV', ['development', 'production'], 'development') === 'production';
  const onOff = (name: keyof typeof ENVIRONMENT, fallback: boolean) => oneOf(name, ['on', 'off'], fallback ? 'on' : 'off') === 'on';

  const keys: ApiKeyEntry[] = [];
  const inline = value('CLAIMGRAPH_API_KEYS');
  if (inline !== undefined) {
    const parsed = parseKeyEntries(inline.split(/[,\n]/), 'CLAIMGRAPH_API_KEYS entry');
    keys.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  const keysFile = value('CLAIMGRAPH_API_KEYS_FILE');
  if (keysFile !== undefined) {
    let text: string | null = null;
    try {
      text = readFileSync(keysFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      problems.push(`CLAIMGRAPH_API_KEYS_FILE: expected a readable file of keys, got ${code} for ${show(resolve(keysFile), 200)}`);
    }
    if (text !== null) {
      const parsed = parseKeyEntries(text.split(/\r?\n/), `CLAIMGRAPH_API_KEYS_FILE (${keysFile}) line`);
      keys.push(...parsed.entries);
      problems.push(...parsed.problems);
    }
  }
  const seen = new Set<string>();
  for (const key of keys) {
    const hex = key.hash.toString('hex');
    if (seen.has(hex)) problems.push(`CLAIMGRAPH_API_KEYS: expected each key once, got the same key twice (editor ${show(key.editor)})`);
    seen.add(hex);
  }

  const readAccess = oneOf('CLAIMGRAPH_READ_ACCESS', ['open', 'key'], 'open');
  const authOff = oneOf('CLAIMGRAPH_AUTH', ['on', 'off'], 'on') === 'off';
  if (authOff && keys.length > 0) problems.push('CLAIMGRAPH_AUTH: expected "on" when API keys are configured, got "off"');
  if (authOff && production) problems.push('CLAIMGRAPH_AUTH: expected "on" in production ("off" is for local development), got "off"');
  if (readAccess === 'key' && keys.length === 0 && !authOff) {
    problems.push('CLAIMGRAPH_READ_ACCESS: "key" needs at least one key in CLAIMGRAPH_API_KEYS or CLAIMGRAPH_API_KEYS_FILE, got none');
  }

  const d = DEFAULT_LIMITS;
  const MAX_MS = 24 * 3600 * 1000;
  const limits: Limits = {
    maxDepth: integer('CLAIMGRAPH_MAX_DEPTH', d.maxDepth, 1, 1000),
    maxCost: integer('CLAIMGRAPH_MAX_COST', d.maxCost, 1, 1_000_000_000),
    listEstimate: integer('CLAIMGRAPH_LIST_ESTIMATE', d.listEstimate, 1, 100_000),
    maxAliases: integer('CLAIMGRAPH_MAX_ALIASES', d.maxAliases, 0, 10_000),
    maxDirectives: integer('CLAIMGRAPH_MAX_DIRECTIVES', d.maxDirectives, 0, 10_000),
    maxTokens: integer('CLAIMGRAPH_MAX_TOKENS', d.maxTokens, 10, 1_000_000),
    maxPageSize: integer('CLAIMGRAPH_MAX_PAGE_SIZE', d.maxPageSize, 1, 10_000),
    maxBodyBytes: integer('CLAIMGRAPH_MAX_BODY_BYTES', d.maxBodyBytes, 1024, 1024 ** 3),
    maxImportBodyBytes: integer('CLAIMGRAPH_MAX_IMPORT_BODY_BYTES', d.maxImportBodyBytes, 1024, 4 * 1024 ** 3),
    readTimeoutMs: integer('CLAIMGRAPH_READ_TIMEOUT_MS', d.readTimeoutMs, 0, MAX_MS),
    writeTimeoutMs: integer('CLAIMGRAPH_WRITE_TIMEOUT_MS', d.writeTimeoutMs, 0, MAX_MS),
    maxOutputBytes: integer('CLAIMGRAPH_MAX_OUTPUT_BYTES', d.maxOutputBytes, 1024, 1024 ** 3),
  };
  if (limits.maxImportBodyBytes < limits.maxBodyBytes) {
    problems.push(`CLAIMGRAPH_MAX_IMPORT_BODY_BYTES: expected at least CLAIMGRAPH_MAX_BODY_BYTES (${limits.maxBodyBytes}), got ${limits.maxImportBodyBytes}`);
  }

  return {
    production,
    introspection: onOff('CLAIMGRAPH_INTROSPECTION', !production),
    console: onOff('CLAIMGRAPH_CONSOLE', !production),
    explorer: onOff('CLAIMGRAPH_EXPLORER', true),
    auth: { keys, readAccess, off: authOff },
    limits,
    logLevel: oneOf('CLAIMGRAPH_LOG_LEVEL', LOG_LEVELS, 'info'),
    shutdownGraceMs: integer('CLAIMGRAPH_SHUTDOWN_GRACE_MS', 10_000, 0, MAX_MS),
  };
}
