import { openTestStore } from '../engine';
import { request } from 'node:http';
import { buildSchema, getIntrospectionQuery, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { generateKey, keyLine } from '../../src/api/auth';
import { measureOperation, operationCost } from '../../src/api/limits';
import { createApolloServer, startHttpServer, type RunningServer } from '../../src/api/server';
import { DEFAULT_LIMITS, loadApiConfig } from '../../src/config';
import { graphCounts } from '../../src/analysis/seed';
import { importBundle } from '../../src/graph/import';
import { syntheticBundle } from '../../src/graph/synthetic';
import { Neo4jStore, type Neo4jDriverLike } from '../../src/store/neo4j-store';
import type { GraphStore } from '../../src/store/port';
import { loadQueries } from '../../src/store/queries';
import { RecordingStore, seededStore } from '../helpers';

/*
 * Every abuse limit, each tripped over real HTTP by the smallest operation
 * that crosses it (and the one just under it answered), with what a client
 * sees in development (the numbers) and in production (no numbers).
 */

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const ADMIN = generateKey();
const EDITOR = generateKey();
const KEYS = { CLAIMGRAPH_API_KEYS: `${keyLine('admin', 'ops', ADMIN)},${keyLine('editor', 'alice', EDITOR)}` };

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

/** Runs `work` against a server with the configuration `env` describes. */
async function withServer(env: NodeJS.ProcessEnv, work: (post: (body: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: Body }>, server: RunningServer) => Promise<void>, on: GraphStore = store) {
  const server = await startHttpServer(on, 0, '127.0.0.1', { api: loadApiConfig(env) });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  try {
    await work(post, server);
  } finally {
    await server.stop();
  }
}

/** `{ statement { claim { statements { claim … id } } } }`, `depth` fields deep in all. */
function deep(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level--) inner = `${level % 2 === 0 ? 'claim' : 'statements'} { ${inner} }`;
  return `{ statement(id: "st-airwars-asserts-52-incidents") { ${inner} } }`;
}

/** A document of exactly `n` tokens: 23 of syntax around a list of n - 23 strings (commas are not tokens). */
const tokens = (n: number) => `mutation { createClaim(input: { text: "x", about: [${Array.from({ length: n - 23 }, (_, i) => `"e${i}"`).join(', ')}] }) { claim { id } } }`;

const limitOf = (b: Body) => b.errors?.map((e) => [e.extensions?.code, e.extensions?.limit]);

describe('query depth (CLAIMGRAPH_MAX_DEPTH, default 8)', () => {
  it('answers 8 levels and refuses 9 with 400, naming the numbers outside production', async () => {
    await withServer({}, async (post) => {
      const ok = await post({ query: deep(8) });
      expect([ok.status, ok.body.errors]).toEqual([200, undefined]);
      const refused = await post({ query: deep(9) });
      expect([refused.status, limitOf(refused.body)]).toEqual([400, [['GRAPHQL_VALIDATION_FAILED', 'depth']]]);
      expect(refused.body.errors?.[0]?.message).toBe('The query is nested too deeply. It is 9 levels deep; at most 8 are allowed.');
    });
  });

  it('counts fragments where they are spread, and follows CLAIMGRAPH_MAX_DEPTH', async () => {
    const viaFragments = '{ statement(id: "st-airwars-asserts-52-incidents") { ...S } } fragment S on Statement { claim { ...C } } fragment C on Claim { statements { id } }';
    // statement > claim > statements > id: 4 levels.
    await withServer({ CLAIMGRAPH_MAX_DEPTH: '4' }, async (post) => {
      expect((await post({ query: viaFragments })).body.errors).toBeUndefined();
    });
    await withServer({ CLAIMGRAPH_MAX_DEPTH: '3' }, async (post) => {
      expect(limitOf((await post({ query: viaFragments })).body)).toEqual([['GRAPHQL_VALIDATION_FAILED', 'depth']]);
    });
  });
});

describe('aliases (CLAIMGRAPH_MAX_ALIASES, default 15)', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: claims { totalCount }`).join(' ')} }`;
  it('answers 15 and refuses 16', async () => {
    await withServer({}, async (post) => {
      expect((await post({ query: aliased(15) })).body.errors).toBeUndefined();
      const refused = await post({ query: aliased(16) });
      expect([refused.status, limitOf(refused.body), refused.body.errors?.[0]?.message]).toEqual([400, [['GRAPHQL_VALIDATION_FAILED', 'aliases']], 'The query uses too many aliases. It has 16; at most 15 are allowed.']);
    });
  });
});

describe('directives (CLAIMGRAPH_MAX_DIRECTIVES, default 10)', () => {
  const directed = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `f${i}: sources(first: 1) @include(if: true) { totalCount }`).join(' ')} }`;
  it('answers 10 and refuses 11', async () => {
    await withServer({ CLAIMGRAPH_MAX_ALIASES: '100' }, async (post) => {
      expect((await post({ query: directed(10) })).body.errors).toBeUndefined();
      const refused = await post({ query: directed(11) });
      expect([refused.status, limitOf(refused.body)]).toEqual([400, [['GRAPHQL_VALIDATION_FAILED', 'directives']]]);
    });
  });
});

describe('tokens (CLAIMGRAPH_MAX_TOKENS, default 1000)', () => {
  it('parses 1000 tokens and stops at 1001, before validating or authorizing anything', async () => {
    await withServer({}, async (post) => {
      // Parsed: it gets as far as the role check, which refuses an anonymous write.
      const parsed = await post({ query: tokens(1000) });
      expect([parsed.status, parsed.body.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
      const refused = await post({ query: tokens(1001) });
      expect([refused.status, limitOf(refused.body)]).toEqual([400, [['GRAPHQL_PARSE_FAILED', 'tokens']]]);
      expect(refused.body.errors?.[0]?.message).toMatch(/more tha[nt] 1000 tokens/);
    });
  });
});

describe('cost (CLAIMGRAPH_MAX_COST, default 50000; CLAIMGRAPH_LIST_ESTIMATE, default 10)', () => {
  const schema = buildSchema(`
    type Query { claims(first: Int): ClaimConnection! claim(id: ID): Claim }
    type ClaimConnection { totalCount: Int! nodes: [Claim!]! }
    type Claim { id: ID! text: String! aliases: [String!]! statements: [Statement!]! }
    type Statement { id: ID! claim: Claim! }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, variables, DEFAULT_LIMITS);
  };

  it('counts each field once, a list with `first` as `first` items (20 without), and other lists of objects as 10', () => {
    expect(cost('{ claim(id: "a") { id text aliases } }')).toBe(4);
    expect(cost('{ claims(first: 5) { totalCount nodes { id } } }')).toBe(1 + 5 * (1 + (1 + 1)));
    expect(cost('{ claims { nodes { id } } }')).toBe(1 + 20 * 2);
    expect(cost('query($n: Int) { claims(first: $n) { nodes { id } } }', { n: 50 })).toBe(1 + 50 * 2);
    expect(cost('{ claim(id: "a") { statements { id claim { id } } } }')).toBe(1 + (1 + 10 * (1 + 2)));
    // Over the page-size cap, `first` counts as the cap: the resolver refuses it with its own message.
    expect(cost('{ claims(first: 100000) { nodes { id } } }')).toBe(1 + 100 * 2);
    expect(cost('{ __typename claim(id: "a") { __typename } }')).toBe(1);
  });

  /**
   * The document with each fragment definition counting the reads of its
   * selection set: walking a fragment reads it, so the count is how many
   * times fragments were walked (no clock involved).
   */
  const counting = (query: string): { document: DocumentNode; walks: () => number } => {
    const parsed = parse(query);
    let walks = 0;
    const definitions = parsed.definitions.map((d) =>
      d.kind !== Kind.FRAGMENT_DEFINITION ? d : new Proxy(d, { get: (target, key, receiver) => {
        if (key === 'selectionSet') walks++;
        return Reflect.get(target, key, receiver) as unknown;
      } }),
    );
    return { document: { ...parsed, definitions }, walks: () => walks };
  };

  it('counts a fragment spread many times at its full cost each time, walking each fragment once', () => {
    // F0 is spread 2^20 times: counted 2^20 times, walked once, as are F1 to F20.
    const defs = Array.from({ length: 20 }, (_, i) => `fragment F${i + 1} on Claim { ...F${i} ...F${i} }`).join(' ');
    const costed = counting(`{ claim(id: "a") { ...F20 } } fragment F0 on Claim { id } ${defs}`);
    expect(operationCost(schema, costed.document, costed.document.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS)).toBe(1 + 2 ** 20);
    expect(costed.walks()).toBe(21);
    const measured = counting(`{ claim(id: "a") { ...F20 } } fragment F0 on Claim { aliased: id } ${defs}`);
    expect(measureOperation(measured.document, measured.document.definitions[0] as OperationDefinitionNode).aliases).toBe(2 ** 20);
    expect(measured.walks()).toBe(21);
    // The count sees every walk: costing again (a fresh memo) walks all 21 again.
    operationCost(schema, costed.document, costed.document.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS);
    expect(costed.walks()).toBe(42);
  });

  it('refuses an operation over the cost with 400, counting `first` given as a variable', async () => {
    const query = 'query($n: Int) { claims(first: $n) { nodes { statements { source { statements { claim { statements { stance } } } } } } } }';
    await withServer({}, async (post) => {
      expect((await post({ query, variables: { n: 2 } })).body.errors).toBeUndefined();
      const refused = await post({ query, variables: { n: 100 } });
      expect([refused.status, limitOf(refused.body)]).toEqual([400, [['GRAPHQL_VALIDATION_FAILED', 'cost']]]);
      // Worked out from the rules above, not read off the implementation: inside out,
      // Claim.statements { stance } (a paged list without `first`: 20 items) = 1 + 20 × 1,
      // Statement.claim { … } = 1 + that, Source.statements { claim } = 1 + 20 × claim,
      // Statement.source { … } = 1 + that, Claim.statements { source } = 1 + 20 × source,
      // nodes { … } = 1 + that (the connection's `first` is counted once), claims(first: 100) = 1 + 100 × nodes.
      const stances = 1 + 20 * 1;
      const claim = 1 + stances;
      const source = 1 + (1 + 20 * claim);
      const nodes = 1 + (1 + 20 * source);
      const expected = 1 + 100 * nodes;
      expect(refused.body.errors?.[0]?.message).toBe(`The query asks for too much at once. Its estimated cost is ${expected}; at most 50000 is allowed (lists count \`first\` items, 10 without it).`);
      // With n = 2 the same rules give a cost under the limit, answered above.
      expect(1 + 2 * nodes).toBeLessThanOrEqual(50_000);
    });
  });

  it('follows CLAIMGRAPH_MAX_COST and CLAIMGRAPH_LIST_ESTIMATE', async () => {
    const query = '{ claim(id: "claim-al-masoud-was-civilian") { about { id } } }'; // 1 + (1 + estimate × 1)
    await withServer({ CLAIMGRAPH_MAX_COST: '12' }, async (post) => {
      expect((await post({ query })).body.errors).toBeUndefined();
    });
    await withServer({ CLAIMGRAPH_MAX_COST: '12', CLAIMGRAPH_LIST_ESTIMATE: '11' }, async (post) => {
      expect(limitOf((await post({ query })).body)).toEqual([['GRAPHQL_VALIDATION_FAILED', 'cost']]);
    });
  });
});

describe('page size (CLAIMGRAPH_MAX_PAGE_SIZE, default 100; `first` defaults to 20)', () => {
  it('refuses `first` over the cap with BAD_USER_INPUT saying what was expected', async () => {
    await withServer({}, async (post) => {
      const refused = await post({ query: '{ claims(first: 101) { totalCount } }' });
      expect(refused.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', 'Argument "first" must be an integer from 0 to 100, got 101.']]);
    });
    await withServer({ CLAIMGRAPH_MAX_PAGE_SIZE: '5' }, async (post) => {
      const five = await post({ query: '{ claims(first: 5) { nodes { id } } }' });
      expect((five.body.data as { claims: { nodes: unknown[] } }).claims.nodes).toHaveLength(5);
      const refused = await post({ query: '{ claims(first: 6) { totalCount } }' });
      expect(refused.body.errors?.[0]?.message).toBe('Argument "first" must be an integer from 0 to 5, got 6.');
      const unasked = await post({ query: '{ claims { nodes { id } } }' });
      expect((unasked.body.data as { claims: { nodes: unknown[] } }).claims.nodes).toHaveLength(5);
    });
    createApolloServer(); // back to the default cap for the tests after this one
  });
});

describe('request body size (CLAIMGRAPH_MAX_BODY_BYTES, default 1 MiB; CLAIMGRAPH_MAX_IMPORT_BODY_BYTES, default 32 MiB)', () => {
  const env = { ...KEYS, CLAIMGRAPH_MAX_BODY_BYTES: '4096', CLAIMGRAPH_MAX_IMPORT_BODY_BYTES: '1048576' };
  const big = { query: '{ claims { totalCount } }', variables: { padding: 'x'.repeat(8000) } };

  it('refuses a body over the small limit with 413, whoever sends it, unless it is an import', async () => {
    await withServer(env, async (post) => {
      for (const headers of [{}, { authorization: `Bearer ${EDITOR}` }, { authorization: `Bearer ${ADMIN}` }] as Record<string, string>[]) {
        const res = await post(big, headers);
        expect([res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([413, 'BAD_USER_INPUT']);
      }
      expect((await post(big)).body.errors?.[0]?.message).toBe('Request body too large. At most 4096 bytes (1048576 for importBundle with an admin key).');
    });
  });

  it('refuses a declared Content-Length over the limit at once, without waiting for the body', async () => {
    await withServer(env, async (_post, server) => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('{"query": "'); // and never the other 50 MiB
      });
      expect(status).toBe(413);
    });
  });

  it('accepts an importBundle body up to the import limit from an admin key only', async () => {
    const bundle = syntheticBundle({ statements: 40, seed: 7 });
    const body = { query: 'mutation Import($b: JSON!) { importBundle(input: { bundle: $b, dryRun: true }) { result { dryRun } } }', variables: { b: bundle } };
    expect(JSON.stringify(body).length).toBeGreaterThan(4096);
    await withServer(env, async (post) => {
      expect(await post(body, { authorization: `Bearer ${ADMIN}` })).toEqual({ status: 200, body: { data: { importBundle: { result: { dryRun: true } } } } });
      expect((await post(body, { authorization: `Bearer ${EDITOR}` })).status).toBe(413);
      const tooBig = { ...body, variables: { b: syntheticBundle({ statements: 4000, seed: 7 }) } };
      expect(JSON.stringify(tooBig).length).toBeGreaterThan(1048576);
      expect((await post(tooBig, { authorization: `Bearer ${ADMIN}` })).status).toBe(413);
    });
  });

  it('hides the numbers in production', async () => {
    await withServer({ ...env, CLAIMGRAPH_ENV: 'production' }, async (post) => {
      expect((await post(big)).body.errors?.[0]?.message).toBe('Request body too large.');
    });
  });
});

describe('execution timeout (CLAIMGRAPH_READ_TIMEOUT_MS, default 10 s; CLAIMGRAPH_WRITE_TIMEOUT_MS, default 60 s)', () => {
  it('embedded: answers TIMEOUT at the deadline and rolls the write back; the store goes on working', async () => {
    const bundle = syntheticBundle({ statements: 1500, seed: 3 });
    // One store at a time (one Neo4j database): the file's seeded store is closed here and opened again at the end.
    await store.close();
    // How many queries the whole import runs, untimed: the yardstick instead of a clock.
    const untimed = await openTestStore();
    let whole: number;
    try {
      const recording = new RecordingStore(untimed);
      await importBundle(recording, bundle, { editor: 'yardstick' });
      whole = recording.calls.length;
    } finally {
      await untimed.close();
    }
    const timedStore = await openTestStore({ timeouts: { WRITE: 50 } });
    const timed = new RecordingStore(timedStore);
    try {
      await withServer(
        { ...KEYS },
        async (post) => {
          const res = await post({ query: 'mutation($b: JSON!) { importBundle(input: { bundle: $b }) { result { dryRun } } }', variables: { b: bundle } }, { authorization: `Bearer ${ADMIN}` });
          const atAnswer = timed.calls.length;
          expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['TIMEOUT']);
          expect(res.body.errors?.[0]?.message).not.toMatch(/\d/);
          // Answered at the deadline, not at the end of the import: it had not run all its queries.
          expect(atAnswer).toBeLessThan(whole);
          // The engine finishes the query it was running, then rolls back: nothing is ever committed,
          // and no query of the transaction starts after the deadline (one more may be asked for, and refused).
          await new Promise((resolve) => setTimeout(resolve, 1500));
          expect(timed.calls.length).toBeLessThanOrEqual(atAnswer + 1);
          expect(Object.values(await graphCounts(timedStore)).every((n) => n === 0)).toBe(true);
          // The store goes on working. The 50 ms budget holds for this small write too, which a loaded
          // machine can miss: a TIMEOUT here is that budget, not a stuck store, so it is asked again.
          const smallWrite = () => post({ query: 'mutation { createEntity(input: { name: "After the timeout" }) { entity { name } } }' }, { authorization: `Bearer ${EDITOR}` });
          let small = await smallWrite();
          for (let attempt = 1; attempt < 5 && small.body.errors?.[0]?.extensions?.code === 'TIMEOUT'; attempt++) small = await smallWrite();
          expect(small.body).toEqual({ data: { createEntity: { entity: { name: 'After the timeout' } } } });
        },
        timed,
      );
    } finally {
      await timedStore.close();
      store = await seededStore();
    }
  });

  it('Neo4j: passes the timeout to each managed transaction, and maps the server timing out to TIMEOUT', async () => {
    const configs: unknown[] = [];
    const driver: Neo4jDriverLike = {
      session: () => ({
        async executeRead(work, config) {
          configs.push(['READ', config]);
          return work({ run: async () => ({ records: [] }) });
        },
        async executeWrite(_work, config) {
          configs.push(['WRITE', config]);
          throw Object.assign(new Error('The transaction has been terminated.'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
        },
        close: async () => undefined,
      }),
      verifyConnectivity: async () => ({}),
      close: async () => undefined,
    };
    const neo = new Neo4jStore(driver, 'neo4j', loadQueries(), () => [], { READ: 1500, WRITE: 9000 });
    await neo.transaction('READ', async () => 'read');
    await expect(neo.transaction('WRITE', async () => 'write')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(configs).toEqual([['READ', { timeout: 1500 }], ['WRITE', { timeout: 9000 }]]);
    const untimed = new Neo4jStore(driver, 'neo4j', loadQueries(), () => []);
    await untimed.transaction('READ', async () => 'read');
    expect(configs[2]).toEqual(['READ', undefined]);
  });
});

describe('transport and schema exposure', () => {
  it('refuses batched requests (an array of operations) with 400', async () => {
    await withServer({}, async (post) => {
      const res = await post([{ query: '{ claims { totalCount } }' }, { query: '{ sources { totalCount } }' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/batching/i);
    });
  });

  it('suggests field and enum names in development and never in production', async () => {
    const typo = { query: '{ claim(id: "claim-al-masoud-was-civilian") { txt } }' };
    const enumTypo = {
      query: 'mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { id } } }',
      variables: { input: { source: 'src-airwars', claim: 'claim-al-masoud-was-civilian', stance: 'ASSERT' } },
    };
    const editor = { authorization: `Bearer ${EDITOR}` };
    await withServer(KEYS, async (post) => {
      expect((await post(typo)).body.errors?.[0]?.message).toMatch(/Did you mean "text"\?/);
      expect((await post(enumTypo, editor)).body.errors?.[0]?.message).toMatch(/Did you mean the enum value "ASSERTS"\?/);
    });
    await withServer({ ...KEYS, CLAIMGRAPH_ENV: 'production' }, async (post) => {
      const field = await post(typo);
      expect([field.status, field.body.errors?.[0]?.message]).toEqual([400, 'Cannot query field "txt" on type "Claim".']);
      const value = await post(enumTypo, editor);
      expect(value.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(value.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });
  });

  it('turns introspection and the console off in production by default, and on when asked', async () => {
    const introspect = { query: '{ __schema { queryType { name } } }' };
    await withServer({}, async (post, server) => {
      expect((await post(introspect)).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect((await fetch(server.url.replace(/graphql$/, 'console'))).status).toBe(200);
    });
    for (const env of [{ CLAIMGRAPH_ENV: 'production' }, { NODE_ENV: 'production' }]) {
      await withServer(env, async (post, server) => {
        const refused = await post(introspect);
        expect([refused.status, refused.body.errors?.map((e) => [e.extensions?.code, e.message])]).toEqual([400, [['GRAPHQL_VALIDATION_FAILED', 'Introspection is turned off on this server.']]]);
        expect((await fetch(server.url.replace(/graphql$/, 'console'))).status).toBe(404);
      });
    }
    await withServer({ CLAIMGRAPH_ENV: 'production', CLAIMGRAPH_INTROSPECTION: 'on', CLAIMGRAPH_CONSOLE: 'on' }, async (post, server) => {
      expect((await post(introspect)).body.errors).toBeUndefined();
      expect((await fetch(server.url.replace(/graphql$/, 'console'))).status).toBe(200);
    });
  });

  it("answers a client's full introspection query under the default limits, and caps introspection's own depth", async () => {
    const full = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    let ofType = 'name';
    for (let i = 0; i < 20; i++) ofType = `ofType { ${ofType} }`;
    await withServer({}, async (post) => {
      const answered = await post({ query: full });
      expect([answered.status, answered.body.errors]).toEqual([200, undefined]);
      const bottomless = await post({ query: `{ __schema { types { fields { type { ${ofType} } } } } }` });
      expect(limitOf(bottomless.body)).toEqual([['GRAPHQL_VALIDATION_FAILED', 'depth']]);
    });
  });

  it('in production, names each limit it hits but never its value', async () => {
    const env = { CLAIMGRAPH_ENV: 'production' };
    await withServer(env, async (post) => {
      const queries = [deep(9), `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} }`, tokens(1001)];
      const messages: string[] = [];
      for (const query of queries) messages.push(...((await post({ query })).body.errors ?? []).map((e) => e.message));
      const costly = await post({ query: 'query($n: Int) { claims(first: $n) { nodes { statements { source { statements { claim { statements { stance } } } } } } } }', variables: { n: 100 } });
      messages.push(...(costly.body.errors ?? []).map((e) => e.message));
      expect(messages).toEqual(['The query is nested too deeply.', 'The query uses too many aliases.', 'Syntax Error: The query document is too large.', 'The query asks for too much at once.']);
    });
  });
});

describe('CSRF prevention', () => {
  it('is on: a GET without a preflight header, or a simple-request POST, is refused', async () => {
    await withServer({ CLAIMGRAPH_ENV: 'production' }, async (post, server) => {
      const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(get.status).toBe(400);
      const form = await post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
      expect([form.status, form.body.errors?.[0]?.message]).toEqual([400, expect.stringMatching(/Cross-Site Request Forgery/)]);
    });
  }, 10_000);
});
