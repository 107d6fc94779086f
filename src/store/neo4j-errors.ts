import { ClaimgraphError } from '../errors';

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
/** Codes the driver itself raises (not the server) when it loses the store. */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
/** Transient, but the database is down or starting rather than contended. */
const DATABASE_UNAVAILABLE = 'Neo.TransientError.General.DatabaseUnavailable';
/** The configured database does not exist on the server (NEO4J_DATABASE). */
const DATABASE_NOT_FOUND = 'Neo.ClientError.Database.DatabaseNotFound';
/**
 * One transaction used more memory than the server allows it
 * (`db.memory.transaction.max`, GQLSTATUS 51N73): retrying cannot help.
 */
const TRANSACTION_MEMORY = 'Neo.ClientError.General.TransactionOutOfMemoryError';
/**
 * All transactions together exhausted the server's pool
 * (`dbms.memory.transaction.total.max`, 51N72): it may pass once others end.
 */
const MEMORY_POOL = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

/**
 * Codeless driver errors (code `N/A`) told apart by the driver's own message,
 * which is fixed text in neo4j-driver-core, never data:
 * - the connection pool was closed (the store was closed under a request);
 * - the port answered, but not in Bolt (an HTTP port, another service).
 */
const POOL_CLOSED = /^Pool is closed\b/;
const NOT_BOLT = /^Server responded HTTP\b|Unknown Bolt protocol version|Protocol version mismatch|handshake/i;

/**
 * Turns anything a neo4j-driver call throws into a ClaimgraphError whose code
 * a client can act on. Messages are written here, never copied from the driver:
 * a driver message may quote the query, the data or the connection URI.
 * The original error is kept as `cause` for logs. A ClaimgraphError (thrown by
 * the adapter itself, e.g. a parameter check) passes through unchanged.
 *
 * @param queryName the query (or schema statement) that was running, to name in INTERNAL errors
 */
export function mapNeo4jError(error: unknown, queryName?: string): ClaimgraphError {
  if (error instanceof ClaimgraphError) return error;
  const code = codeOf(error);
  const where = queryName === undefined ? 'An operation' : `Query ${queryName}`;
  const cause = { cause: error };

  if (code === CONSTRAINT_FAILED) {
    const constraint = constraintOf(error);
    const what = constraint === undefined ? 'a schema constraint' : `the constraint on ${constraint}`;
    return new ClaimgraphError(
      'CONFLICT',
      `${where} violated ${what}: the data collides with data already stored.`,
      constraint === undefined ? undefined : { constraint },
      cause,
    );
  }
  if (code !== undefined && TIMED_OUT.has(code)) {
    return new ClaimgraphError('TIMEOUT', `${where} ran longer than the transaction timeout allows.`, undefined, cause);
  }
  if (code === TRANSACTION_MEMORY || code === MEMORY_POOL) {
    const setting = code === TRANSACTION_MEMORY ? 'db.memory.transaction.max' : 'dbms.memory.transaction.total.max';
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      code === TRANSACTION_MEMORY
        ? `${where} needed more memory than one Neo4j transaction may use (${setting}); nothing was kept. Raise ${setting} on the server, or import in several commits (claimgraph import --commit-every N; docs/BUNDLE.md, "Large imports on Neo4j").`
        : `${where} found the Neo4j server's transaction memory used up by all transactions together (${setting}); nothing was kept. Try again shortly, or raise ${setting}.`,
      { reason: 'TRANSACTION_MEMORY', setting, retryable: code === MEMORY_POOL },
      cause,
    );
  }
  if (code === DATABASE_NOT_FOUND) {
    return new ClaimgraphError('STORE_UNAVAILABLE', 'The Neo4j server has no database of the configured name (NEO4J_DATABASE).', { reason: 'DATABASE_NOT_FOUND' }, cause);
  }
  const message = error instanceof Error ? error.message : '';
  if (code === undefined || code === 'N/A') {
    if (POOL_CLOSED.test(message)) {
      return new ClaimgraphError('STORE_UNAVAILABLE', 'The Neo4j store is closed.', { reason: 'CLOSED' }, cause);
    }
    if (NOT_BOLT.test(message)) {
      return new ClaimgraphError(
        'STORE_UNAVAILABLE',
        'The configured Neo4j address answered, but not in Bolt: point NEO4J_URI at the Bolt port (7687 by default), not the HTTP one (7474).',
        { reason: 'NOT_BOLT' },
        cause,
      );
    }
  }
  if (code === DATABASE_UNAVAILABLE) {
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      'The Neo4j database is not available (starting, stopping or offline); try again shortly.',
      { reason: 'UNAVAILABLE', retryable: true },
      cause,
    );
  }
  if (code?.startsWith('Neo.TransientError.')) {
    // Deadlocks, lock timeouts, outdated cluster views: another write got in the
    // way. The driver's managed transaction has already retried it (for up to
    // 30 s) before it reaches here.
    return new ClaimgraphError(
      'CONFLICT',
      `${where} collided with a concurrent transaction (${code}); it can be retried.`,
      { retryable: true },
      cause,
    );
  }
  if (code !== undefined && UNREACHABLE.has(code)) {
    // The driver's message names the host and port: not for clients.
    return new ClaimgraphError('STORE_UNAVAILABLE', 'The Neo4j store cannot be reached.', { reason: 'UNREACHABLE', retryable: true }, cause);
  }
  if (code?.startsWith('Neo.ClientError.Security.')) {
    // Never echo the driver's message: keep anything credential-like out of responses and logs' messages.
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      `The Neo4j store rejected the configured credentials or denied access (${code}).`,
      { reason: 'AUTH' },
      cause,
    );
  }
  // Statement errors (syntax, semantics, missing parameter) are our bugs, as is anything unknown.
  const kind = code ?? (error instanceof Error ? error.name : typeof error);
  return new ClaimgraphError('INTERNAL', `${where} failed in the Neo4j store (${kind}).`, queryName === undefined ? undefined : { query: queryName }, cause);
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

/**
 * Names the violated constraint as `Label.property` (or `Label.(a, b)`), read
 * from the server's message, e.g. "Node(12) already exists with label `Claim`
 * and property `id` = 'c1'". Quoted values are dropped first so that no stored
 * data is echoed; undefined when the message has another shape.
 */
function constraintOf(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : undefined;
  if (message === undefined) return undefined;
  const withoutValues = message.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const owner = /\b(?:label|type)\s+`([^`]+)`/.exec(withoutValues);
  if (owner?.[1] === undefined) return undefined;
  const rest = withoutValues.slice(owner.index + owner[0].length);
  const properties = [...rest.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (properties.length === 0) return owner[1];
  return properties.length === 1 ? `${owner[1]}.${properties[0]}` : `${owner[1]}.(${properties.join(', ')})`;
}
