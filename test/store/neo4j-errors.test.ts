import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import neo4j, { type Neo4jError } from 'neo4j-driver';
// The driver's core (installed with neo4j-driver, same version): its own pool and retry loop run without a server.
import { internal } from 'neo4j-driver-core';
import { ClaimgraphError } from '../../src/errors';
import { mapNeo4jError } from '../../src/store/neo4j-errors';
import { CONNECT_TIMEOUT_MS, Neo4jStore, type Neo4jDriverLike, type Neo4jSessionLike, type Neo4jTransactionLike } from '../../src/store/neo4j-store';
import { loadQueries } from '../../src/store/queries';

const neo4jError = (message: string, code: string) => new neo4j.Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('mapNeo4jError', () => {
  it('maps a constraint violation to CONFLICT naming the constraint, not the data or the query', () => {
    const cause = neo4jError("Node(12) already exists with label `Claim` and property `id` = 'secret-c1'", 'Neo.ClientError.Schema.ConstraintValidationFailed');
    const error = mapNeo4jError(cause, 'import-claims');
    expect(error).toBeInstanceOf(ClaimgraphError);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('Query import-claims violated the constraint on Claim.id: the data collides with data already stored.');
    expect(error.details).toEqual({ constraint: 'Claim.id' });
    expect(error.message).not.toContain('secret-c1');
    expect(error.cause).toBe(cause);
  });

  it('names a composite constraint and falls back when the message has another shape', () => {
    const composite = neo4jError(
      "Node(1) already exists with label `Person` and properties `first` = 'A`b', `last` = 'B'",
      'Neo.ClientError.Schema.ConstraintValidationFailed',
    );
    expect(mapNeo4jError(composite).details).toEqual({ constraint: 'Person.(first, last)' });
    const odd = mapNeo4jError(neo4jError('MATCH (n) RETURN n failed', 'Neo.ClientError.Schema.ConstraintValidationFailed'));
    expect(odd.code).toBe('CONFLICT');
    expect(odd.message).toBe('An operation violated a schema constraint: the data collides with data already stored.');
    expect(odd.message).not.toContain('MATCH');
    expect(odd.details).toBeUndefined();
  });

  it.each(['Neo.TransientError.Transaction.DeadlockDetected', 'Neo.TransientError.Transaction.LockClientStopped'])(
    'maps %s to a retryable CONFLICT',
    (code) => {
      const cause = neo4jError('ForsetiClient[2] can not acquire lock', code);
      const error = mapNeo4jError(cause, 'import-supports');
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toEqual({ retryable: true });
      expect(error.message).toBe(`Query import-supports collided with a concurrent transaction (${code}); it can be retried.`);
      expect(error.cause).toBe(cause);
    },
  );

  it('maps an unavailable database to a retryable STORE_UNAVAILABLE', () => {
    const error = mapNeo4jError(neo4jError('Database neo4j is unavailable', 'Neo.TransientError.General.DatabaseUnavailable'));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.details).toEqual({ reason: 'UNAVAILABLE', retryable: true });
  });

  it.each([
    'Neo.ClientError.Transaction.TransactionTimedOut',
    'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  ])('maps %s to TIMEOUT', (code) => {
    const cause = neo4jError('The transaction has been terminated.', code);
    const error = mapNeo4jError(cause, 'claims-page');
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toBe('Query claims-page ran longer than the transaction timeout allows.');
    expect(error.cause).toBe(cause);
  });

  it.each(['ServiceUnavailable', 'SessionExpired'])('maps the driver code %s to STORE_UNAVAILABLE without the address', (code) => {
    const cause = neo4jError('Failed to connect to server db.internal:7687. Caused by: connect ECONNREFUSED', code);
    const error = mapNeo4jError(cause);
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toBe('The Neo4j store cannot be reached.');
    expect(error.cause).toBe(cause);
  });

  it('maps an auth failure to STORE_UNAVAILABLE without echoing the driver message', () => {
    const cause = neo4jError(
      'The client is unauthorized due to authentication failure. password=hunter2-S3cret!',
      'Neo.ClientError.Security.Unauthorized',
    );
    const error = mapNeo4jError(cause, 'graph-counts');
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toBe(
      'The Neo4j store rejected the configured credentials or denied access (Neo.ClientError.Security.Unauthorized).',
    );
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.details ?? {})).not.toContain('hunter2');
    expect(error.cause).toBe(cause);
    expect(mapNeo4jError(neo4jError('denied', 'Neo.ClientError.Security.Forbidden')).code).toBe('STORE_UNAVAILABLE');
  });

  it.each([
    'Neo.ClientError.Statement.SyntaxError',
    'Neo.ClientError.Statement.SemanticError',
    'Neo.ClientError.Statement.ParameterMissing',
  ])('maps %s to INTERNAL naming the query, not quoting it', (code) => {
    const cause = neo4jError('Invalid input: MATCH (c:Claim) WHERE c.id IN $ids RETRUN c', code);
    const error = mapNeo4jError(cause, 'claims-by-ids');
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(`Query claims-by-ids failed in the Neo4j store (${code}).`);
    expect(error.details).toEqual({ query: 'claims-by-ids' });
    expect(error.message).not.toContain('MATCH');
    expect(error.cause).toBe(cause);
  });

  it('maps anything else to INTERNAL', () => {
    const plain = new TypeError('boom');
    const error = mapNeo4jError(plain, 'sources-page');
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('Query sources-page failed in the Neo4j store (TypeError).');
    expect(error.cause).toBe(plain);
    const unnamed = mapNeo4jError('a string');
    expect(unnamed.code).toBe('INTERNAL');
    expect(unnamed.message).toBe('An operation failed in the Neo4j store (string).');
    expect(unnamed.details).toBeUndefined();
  });

  it('passes a ClaimgraphError through unchanged', () => {
    const original = new ClaimgraphError('BAD_USER_INPUT', 'no', { path: ['x'] });
    expect(mapNeo4jError(original, 'claims-page')).toBe(original);
  });
});

/*
 * Every kind of failure the driver raises, each from the driver's own error
 * objects: raised by the driver's own code where that runs without a server
 * (its connection pool, its Bolt handshake against a local socket, its retry
 * loop), else a Neo4jError with the code the server sends.
 */
describe('every driver failure maps to its documented code', () => {
  it('a closed connection pool (the store closed under a request): STORE_UNAVAILABLE, not INTERNAL', async () => {
    const pool = new internal.pool.Pool({});
    await pool.close();
    const raised = await pool.acquire({}, internal.serverAddress.ServerAddress.fromUrl('localhost:7687')).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(raised).toBeInstanceOf(neo4j.Neo4jError);
    expect((raised as Neo4jError).code).toBe('N/A');
    expect(mapNeo4jError(raised, 'claims-page')).toMatchObject({ code: 'STORE_UNAVAILABLE', message: 'The Neo4j store is closed.', details: { reason: 'CLOSED' } });
  });

  it('a store used after close(): STORE_UNAVAILABLE before the driver is asked', async () => {
    const store = new Neo4jStore(neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'pw')), 'neo4j', loadQueries());
    await store.close();
    await expect(store.read('graph-counts')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'CLOSED' } });
    await expect(store.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.applySchema()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('a wrong port that answers in HTTP: STORE_UNAVAILABLE saying it is not Bolt', async () => {
    // A loopback socket that answers as an HTTP server would (Neo4j's 7474).
    const server = createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const attempt = Neo4jStore.connect({ uri: `bolt://127.0.0.1:${port}`, username: 'neo4j', password: 'pw-S3cret', database: 'neo4j' }, loadQueries());
      const error = await attempt.then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'NOT_BOLT' }, message: expect.stringContaining('not in Bolt') });
      expect((error as ClaimgraphError).cause).toBeInstanceOf(neo4j.Neo4jError);
      expect(JSON.stringify({ m: (error as Error).message, d: (error as ClaimgraphError).details })).not.toContain('S3cret');
    } finally {
      server.close();
    }
  });

  describe('connecting at start-up: which host and port, and what went wrong, in seconds, never the credentials', () => {
    const PASSWORD = 'pw-S3cret';
    const connect = (uri: string) =>
      Neo4jStore.connect({ uri, username: 'neo4j-admin-user', password: PASSWORD, database: 'neo4j' }, loadQueries()).then(
        () => {
          throw new Error(`connected to ${uri}, which is no Neo4j`);
        },
        (e: unknown) => e as ClaimgraphError,
      );
    const expectNoCredentials = (error: ClaimgraphError) =>
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toMatch(/S3cret|neo4j-admin-user/);
    /** A loopback TCP server, its port, and how to close it. */
    async function listen(server: NetServer | HttpServer): Promise<{ port: number; close: () => Promise<void> }> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    }

    it.each(['bolt', 'neo4j'])('an HTTP server (%s://): names host:port, says it is not Bolt', async (scheme) => {
      const http = createHttpServer((_req, res) => res.end('<html>Neo4j Browser</html>'));
      const { port, close } = await listen(http);
      try {
        const error = await connect(`${scheme}://neo4j-admin-user:${PASSWORD}@127.0.0.1:${port}`);
        expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'NOT_BOLT', address: `127.0.0.1:${port}` } });
        expect(error.message).toBe(`Neo4j at 127.0.0.1:${port} (NEO4J_URI) answered, but not in Bolt: point NEO4J_URI at the Bolt port (7687 by default), not the HTTP one (7474).`);
        expectNoCredentials(error);
      } finally {
        http.closeAllConnections();
        await close();
      }
    });

    it('a port that accepts the connection and never answers: NO_ANSWER after the connect timeout, not the driver\'s minute', async () => {
      const sockets: Socket[] = [];
      const silent = createServer((socket) => void sockets.push(socket));
      const { port, close } = await listen(silent);
      try {
        const error = await connect(`bolt://127.0.0.1:${port}`);
        expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'NO_ANSWER', address: `127.0.0.1:${port}` } });
        expect(error.message).toBe(
          `Neo4j at 127.0.0.1:${port} (NEO4J_URI) did not answer in Bolt within ${CONNECT_TIMEOUT_MS / 1000} s: check that NEO4J_URI names the Bolt port (7687 by default) of a running Neo4j, and that no firewall holds the connection.`,
        );
      } finally {
        for (const socket of sockets) socket.destroy();
        await close();
      }
    });

    it.each(['bolt', 'neo4j'])('a closed port (%s://): names host:port, says nothing listens there', async (scheme) => {
      // A port just freed: nothing listens on it.
      const { port, close } = await listen(createServer());
      await close();
      const error = await connect(`${scheme}://127.0.0.1:${port}`);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'UNREACHABLE', address: `127.0.0.1:${port}`, retryable: true } });
      expect(error.message).toBe(
        `Neo4j at 127.0.0.1:${port} (NEO4J_URI) could not be reached (connection refused: nothing listens on that port): check the host and port in NEO4J_URI, and that Neo4j is running.`,
      );
      expectNoCredentials(error);
    });

    it('a host name that does not resolve: names it, with the default Bolt port', async () => {
      const error = await connect(`neo4j+s://neo4j-admin-user:${PASSWORD}@claimgraph-test.invalid`);
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'UNREACHABLE', address: 'claimgraph-test.invalid:7687' } });
      expect(error.message).toMatch(/^Neo4j at claimgraph-test\.invalid:7687 \(NEO4J_URI\) could not be reached \((the host name does not resolve|no connection)\)/);
      expectNoCredentials(error);
    });
  });

  it('a port nobody listens on: STORE_UNAVAILABLE, unreachable', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'pw'), { maxTransactionRetryTime: 0 });
    try {
      const raised = await driver.verifyConnectivity().then(() => undefined, (e: unknown) => e);
      expect((raised as Neo4jError).code).toBe('ServiceUnavailable');
      expect(mapNeo4jError(raised)).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'UNREACHABLE', retryable: true } });
    } finally {
      await driver.close();
    }
  });

  it.each([
    ['Neo.ClientError.Security.Unauthorized', 'AUTH'],
    ['Neo.ClientError.Security.AuthenticationRateLimit', 'AUTH'],
    ['Neo.ClientError.Security.TokenExpired', 'AUTH'],
    ['Neo.ClientError.Security.Forbidden', 'AUTH'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'DATABASE_NOT_FOUND'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'UNAVAILABLE'],
    ['SessionExpired', 'UNREACHABLE'],
  ])('%s: STORE_UNAVAILABLE (%s)', (code, reason) => {
    expect(mapNeo4jError(neo4jError('the server said so', code), 'graph-counts')).toMatchObject({ code: 'STORE_UNAVAILABLE', details: expect.objectContaining({ reason }) });
  });

  it.each([
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'db.memory.transaction.max', false],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'dbms.memory.transaction.total.max', true],
  ])('%s (transaction memory): STORE_UNAVAILABLE naming %s', (code, setting, retryable) => {
    const error = mapNeo4jError(neo4jError('The allocation of an extra 2.0 MiB would use more than the limit 100.0 MiB.', code), 'import-statements');
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'TRANSACTION_MEMORY', setting, retryable } });
    expect(error.message).toContain(setting);
  });

  describe('a deadlock, through the driver\'s own retry loop', () => {
    const deadlock = () => new neo4j.Neo4jError('ForsetiClient[3] can not acquire lock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'deadlock');

    /** A driver whose executeWrite is the driver's TransactionExecutor over a transaction that deadlocks `failures` times. */
    function deadlockingDriver(failures: number, maxRetryTimeMs: number) {
      let attempts = 0;
      const commits: number[] = [];
      const executor = new internal.transactionExecutor.TransactionExecutor(maxRetryTimeMs, 1, 1, 0);
      const session = (): Neo4jSessionLike => {
        const run = (work: (tx: Neo4jTransactionLike) => Promise<unknown>) =>
          executor.execute((() => {
            const attempt = ++attempts;
            let open = true;
            return {
              run: async () => {
                if (attempt <= failures) throw deadlock();
                return { records: [new neo4j.Record(['n'], [neo4j.int(attempt)])] };
              },
              isOpen: () => open,
              commit: async () => {
                open = false;
                commits.push(attempt);
              },
              rollback: async () => {
                open = false;
              },
            };
            // The executor needs only run, isOpen, commit and rollback of a transaction.
          }) as unknown as Parameters<typeof executor.execute>[0], work as unknown as Parameters<typeof executor.execute>[1]) as Promise<never>;
        return { executeRead: run, executeWrite: run, close: async () => undefined };
      };
      const driver: Neo4jDriverLike = { session, verifyConnectivity: async () => ({}), close: async () => undefined };
      return { driver, attempts: () => attempts, commits };
    }

    it('is retried by the driver and then succeeds: the adapter hands it the raw error', async () => {
      const fake = deadlockingDriver(2, 5000);
      const store = new Neo4jStore(fake.driver, 'neo4j', loadQueries(), () => []);
      await expect(store.read('graph-counts')).resolves.toEqual([{ n: 3 }]);
      expect(fake.attempts()).toBe(3);
      expect(fake.commits).toEqual([3]);
    });

    it('once the driver gives up, is a retryable CONFLICT naming the query', async () => {
      const fake = deadlockingDriver(Infinity, 0);
      const store = new Neo4jStore(fake.driver, 'neo4j', loadQueries(), () => []);
      await expect(store.read('graph-counts')).rejects.toMatchObject({ code: 'CONFLICT', details: { retryable: true }, message: expect.stringContaining('graph-counts') });
      expect(fake.attempts()).toBeGreaterThanOrEqual(1);
      expect(fake.commits).toEqual([]);
    });
  });
});
