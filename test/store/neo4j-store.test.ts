import { inspect } from 'node:util';
import neo4j from 'neo4j-driver';
import { ClaimgraphError } from '../../src/errors';
import type { AccessMode } from '../../src/store/port';
import type { Query, QueryName, QueryTable } from '../../src/store/queries';
import {
  Neo4jStore,
  type Neo4jDriverLike,
  type Neo4jSessionLike,
  type Neo4jTransactionLike,
} from '../../src/store/neo4j-store';

// A fake driver: there is no Neo4j server here. It records what the adapter
// asks of it and answers with real driver Records.

interface Call {
  text: string;
  params: Record<string, unknown>;
}

interface FakeOptions {
  /** What tx.run answers for a query text; an Error is thrown instead. */
  answer?: (text: string) => InstanceType<typeof neo4j.Record>[] | Error;
  connectivity?: Error;
}

function fakeDriver(options: FakeOptions = {}) {
  const calls: Call[] = [];
  const sessions: Array<{ config: { database: string; defaultAccessMode: AccessMode; bookmarkManager?: unknown }; used: string[]; closed: boolean }> = [];
  let closed = false;
  const tx: Neo4jTransactionLike = {
    run(text, params) {
      calls.push({ text, params });
      const answer = options.answer?.(text) ?? [];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve({ records: answer });
    },
  };
  const driver: Neo4jDriverLike = {
    session(config) {
      const state = { config, used: [] as string[], closed: false };
      sessions.push(state);
      const session: Neo4jSessionLike = {
        async executeRead(work) {
          state.used.push('executeRead');
          return work(tx);
        },
        async executeWrite(work) {
          state.used.push('executeWrite');
          return work(tx);
        },
        async close() {
          state.closed = true;
        },
      };
      return session;
    },
    async verifyConnectivity() {
      if (options.connectivity) throw options.connectivity;
      return {};
    },
    async close() {
      closed = true;
    },
  };
  return { driver, calls, sessions, isClosed: () => closed };
}

const query = (name: string, mode: 'read' | 'write', params: string[]): Query => ({
  name: name as QueryName,
  text: `// @mode ${mode}\nRETURN '${name}'`,
  params,
  mode,
});

const QUERIES = {
  'claims-by-ids': query('claims-by-ids', 'read', ['ids']),
  'claims-page': query('claims-page', 'read', ['first', 'offset', 'filter']),
  'import-claims': query('import-claims', 'write', ['rows']),
} as unknown as QueryTable;

const store = (fake: ReturnType<typeof fakeDriver>, schema: string[] = []) =>
  new Neo4jStore(fake.driver, 'claims', QUERIES, () => schema);

describe('Neo4jStore', () => {
  it('reports its engine', () => {
    expect(store(fakeDriver()).engine).toBe('neo4j');
  });

  it('converts integer parameters to neo4j Integers and returns plain rows', async () => {
    const fake = fakeDriver({
      answer: () => [new neo4j.Record(['id', 'n', 'big'], ['c1', neo4j.int(3), neo4j.int('9007199254740993')])],
    });
    const rows = await store(fake).read('claims-page' as QueryName, { first: 10, offset: 0, filter: { minScore: 0.5, ids: [7] } });
    expect(rows).toStrictEqual([{ id: 'c1', n: 3, big: '9007199254740993' }]);
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.text).toBe("// @mode read\nRETURN 'claims-page'");
    expect(neo4j.isInt(call.params.first)).toBe(true);
    expect(neo4j.isInt(call.params.offset)).toBe(true);
    expect(call.params).toEqual({ first: neo4j.int(10), offset: neo4j.int(0), filter: { minScore: 0.5, ids: [neo4j.int(7)] } });
  });

  it('passes the named database and the access mode, using the matching managed transaction', async () => {
    const fake = fakeDriver();
    const s = store(fake);
    await s.read('claims-by-ids' as QueryName, { ids: ['c1'] });
    await s.write('import-claims' as QueryName, { rows: [] });
    expect(fake.sessions.map((x) => x.config)).toEqual([
      { database: 'claims', defaultAccessMode: 'READ', bookmarkManager: expect.anything() },
      { database: 'claims', defaultAccessMode: 'WRITE', bookmarkManager: expect.anything() },
    ]);
    // One bookmark manager for every session: a read after a write waits for it, even on a follower.
    expect(fake.sessions[0]!.config.bookmarkManager).toBe(fake.sessions[1]!.config.bookmarkManager);
    expect(fake.sessions.map((x) => x.used)).toEqual([['executeRead'], ['executeWrite']]);
    expect(fake.sessions.every((x) => x.closed)).toBe(true);
  });

  it('runs several queries in one transaction and returns what the work returns', async () => {
    const fake = fakeDriver({ answer: (text) => [new neo4j.Record(['q'], [text.slice(-14)])] });
    const result = await store(fake).transaction('WRITE', async (tx) => {
      const a = await tx.run('claims-by-ids' as QueryName, { ids: [] });
      const b = await tx.run('import-claims' as QueryName, { rows: [{ n: 1 }] });
      return [a, b];
    });
    expect(result).toEqual([[{ q: "claims-by-ids'" }], [{ q: "import-claims'" }]]);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.calls).toHaveLength(2);
  });

  it('closes the session even when the work throws, and rethrows the error', async () => {
    const fake = fakeDriver();
    const failure = new ClaimgraphError('NOT_FOUND', 'No claim with id "c9".');
    await expect(
      store(fake).transaction('READ', async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('refuses a write query in a READ transaction before reaching the driver', async () => {
    const fake = fakeDriver();
    const attempt = store(fake).transaction('READ', (tx) => tx.run('import-claims' as QueryName, { rows: [] }));
    await expect(attempt).rejects.toThrow(ClaimgraphError);
    await expect(
      store(fake).transaction('READ', (tx) => tx.run('import-claims' as QueryName, { rows: [] })),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: 'Query import-claims writes and cannot run in a READ transaction.' });
    expect(fake.calls).toHaveLength(0);
    expect(fake.sessions.every((x) => x.closed)).toBe(true);
  });

  it('refuses a missing or extra parameter before reaching the driver', async () => {
    const fake = fakeDriver();
    await expect(store(fake).read('claims-page' as QueryName, { first: 10, offset: 0 })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Query claims-page declares parameters ["filter","first","offset"] but was called with ["first","offset"].',
    });
    await expect(store(fake).read('claims-by-ids' as QueryName, { ids: [], extra: 1 })).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a query name missing from the table', async () => {
    const fake = fakeDriver();
    await expect(store(fake).read('sources-page' as QueryName, {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Query "sources-page" is not in the query table.',
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('delivers a driver error as the mapped ClaimgraphError naming the query', async () => {
    const driverError = new neo4j.Neo4jError(
      "Node(1) already exists with label `Claim` and property `id` = 'c1'",
      'Neo.ClientError.Schema.ConstraintValidationFailed',
      '22N41',
      'error: data exception',
    );
    const fake = fakeDriver({ answer: () => driverError });
    const attempt = store(fake).write('import-claims' as QueryName, { rows: [] });
    await expect(attempt).rejects.toBeInstanceOf(ClaimgraphError);
    await expect(store(fake).write('import-claims' as QueryName, { rows: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Query import-claims violated the constraint on Claim.id: the data collides with data already stored.',
      cause: driverError,
    });
    const syntax = new neo4j.Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error');
    await expect(store(fakeDriver({ answer: () => syntax })).read('claims-by-ids' as QueryName, { ids: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
      details: { query: 'claims-by-ids' },
    });
    expect(fake.sessions.every((x) => x.closed)).toBe(true);
  });

  it('lets the raw driver error reach the managed transaction, so the driver can retry it', async () => {
    const transient = new neo4j.Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'deadlock');
    const fake = fakeDriver({ answer: () => transient });
    let seenByDriver: unknown;
    const inner = fake.driver.session.bind(fake.driver);
    fake.driver.session = (config) => {
      const session = inner(config);
      return {
        ...session,
        executeWrite: (work) => session.executeWrite(work).catch((error: unknown) => {
          seenByDriver = error;
          throw error;
        }),
      };
    };
    await expect(store(fake).write('import-claims' as QueryName, { rows: [] })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { retryable: true },
    });
    expect(seenByDriver).toBe(transient);
  });

  it('applies each schema statement in its own write transaction', async () => {
    const fake = fakeDriver();
    await store(fake, ['CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE', 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.name)']).applySchema();
    expect(fake.calls).toEqual([
      { text: 'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE', params: {} },
      { text: 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.name)', params: {} },
    ]);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.config).toEqual({ database: 'claims', defaultAccessMode: 'WRITE', bookmarkManager: expect.anything() });
    expect(fake.sessions[0]!.used).toEqual(['executeWrite', 'executeWrite']);
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('names the failing schema statement', async () => {
    const bad = new neo4j.Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error');
    const fake = fakeDriver({ answer: (text) => (text.startsWith('BROKEN') ? bad : []) });
    await expect(store(fake, ['CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.x)', 'BROKEN']).applySchema()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Query schema.cypher statement 2 failed in the Neo4j store (Neo.ClientError.Statement.SyntaxError).',
    });
    expect(fake.sessions[0]!.closed).toBe(true);
  });

  it('maps a failed connectivity check on ping, and closes the driver', async () => {
    const fake = fakeDriver({
      connectivity: new neo4j.Neo4jError('Failed to connect to db:7687', 'ServiceUnavailable', '08000', 'connection exception'),
    });
    const s = store(fake);
    await expect(s.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: 'The Neo4j store cannot be reached.' });
    await expect(store(fakeDriver()).ping()).resolves.toBeUndefined();
    await s.close();
    expect(fake.isClosed()).toBe(true);
  });

  /*
   * No password in what a failed connect raises, anywhere a log could print
   * it: message, details, stack, and the driver's error it wraps (util.inspect
   * walks the cause chain). The password is given as the credential and as
   * user info in the URI, where a driver message could echo it. The address
   * is in the cause (the inspection reaches it), so the check can fail.
   */
  const SECRET = 'pw-S3cret';
  const everything = (error: unknown): string => inspect(error, { depth: null, showHidden: true });

  it('refuses a malformed URI at connect as CONFIG_INVALID, the URI and its password not echoed', async () => {
    const error = await Neo4jStore.connect({ uri: `http://neo4j:${SECRET}@db:7474`, username: 'neo4j', password: SECRET, database: 'neo4j' }, QUERIES).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    // The driver's own error is in it: the inspection reaches the cause.
    expect(everything(error)).toContain('Unknown scheme: http');
    expect(everything(error)).not.toContain(SECRET);
  });

  it.each([`bolt://127.0.0.1:1`, `bolt://neo4j:${SECRET}@127.0.0.1:1`])('maps an unreachable server at connect (%s) to STORE_UNAVAILABLE without the password', async (uri) => {
    // Port 1 on the loopback interface: refused at once, no server needed.
    const error = await Neo4jStore.connect({ uri, username: 'neo4j', password: SECRET, database: 'neo4j' }, QUERIES).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { reason: 'UNREACHABLE', address: '127.0.0.1:1' } });
    expect((error as Error).message).toMatch(/^Neo4j at 127\.0\.0\.1:1 \(NEO4J_URI\) could not be reached \(connection refused: nothing listens on that port\)/);
    expect(everything(error)).not.toContain(SECRET);
  });
});
