import { request as httpRequest } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../src/api/context';
import { costPlugin, operationCost, type CostMemo } from '../../src/api/limits';
import { startHttpServer, type RunningServer } from '../../src/api/server';
import { loadApiConfig, type ApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * What a request costs besides answering it: the parsed and validated
 * document of a query seen before is reused (Apollo's documentStore), the
 * cost and role of an operation are worked out once, and the hot path stays
 * correct for what must be computed per request (a cost that reads
 * variables). The counts come from Apollo's own hooks: parsingDidStart and
 * validationDidStart run only when Apollo really parses or validates.
 */

/** Counts what Apollo does per request; keeps the schema for computing costs. */
class Counter {
  parses = 0;
  validations = 0;
  executions = 0;
  schema: GraphQLSchema | undefined;

  plugin(): ApolloServerPlugin<Context> {
    return {
      serverWillStart: async ({ schema }) => {
        this.schema = schema;
      },
      requestDidStart: async () => ({
        parsingDidStart: async () => {
          this.parses += 1;
        },
        validationDidStart: async () => {
          this.validations += 1;
        },
        executionDidStart: async () => {
          this.executions += 1;
        },
      }),
    };
  }
}

/** A memo that counts how often a cost was stored and found. */
class CountingMemo implements CostMemo {
  readonly inner = new WeakMap<OperationDefinitionNode, number>();
  sets = 0;
  hits = 0;
  get(operation: OperationDefinitionNode): number | undefined {
    const found = this.inner.get(operation);
    if (found !== undefined) this.hits += 1;
    return found;
  }
  set(operation: OperationDefinitionNode, cost: number): void {
    this.sets += 1;
    this.inner.set(operation, cost);
  }
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(async () => {
  await store.close();
});

async function withServer(api: ApiConfig, plugins: ApolloServerPlugin<Context>[], body: (post: (payload: unknown) => Promise<Answer>, server: RunningServer) => Promise<void>): Promise<void> {
  const server = await startHttpServer(store, 0, '127.0.0.1', { api, plugins });
  try {
    await body(async (payload) => {
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
    }, server);
  } finally {
    await server.stop();
  }
}

const WHO_SAID = '{ claim(id: "claim-al-masoud-undercover-against-is") { statements { stance quote source { name } } } }';

describe('parsed and validated operations are cached', () => {
  it('parses and validates a repeated query once, and still runs it every time', async () => {
    const counter = new Counter();
    await withServer(loadApiConfig({}), [counter.plugin()], async (post) => {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await post({ query: WHO_SAID }));
      expect(answers.map((a) => [a.status, a.body.errors])).toEqual(Array(5).fill([200, undefined]));
      expect(answers[4]?.body).toEqual(answers[0]?.body);
      expect([counter.parses, counter.validations, counter.executions]).toEqual([1, 1, 5]);

      // Another query text is another document: parsed and validated once too.
      for (let i = 0; i < 3; i++) await post({ query: '{ sources(first: 2) { totalCount } }' });
      expect([counter.parses, counter.validations, counter.executions]).toEqual([2, 2, 8]);
    });
  });

  it('never caches a document that failed validation: a too-deep query is refused every time', async () => {
    const counter = new Counter();
    const deep = '{ claim(id: "claim-al-masoud-undercover-against-is") { statements { source { statements { claim { statements { source { name } } } } } } } }';
    await withServer(loadApiConfig({ CLAIMGRAPH_MAX_DEPTH: '4' }), [counter.plugin()], async (post) => {
      for (let i = 0; i < 3; i++) {
        const refused = await post({ query: deep });
        expect([refused.status, refused.body.errors?.[0]?.extensions?.limit]).toEqual([400, 'depth']);
      }
      expect([counter.validations, counter.executions]).toEqual([3, 0]);
    });
  });
});

describe('the cost of an operation', () => {
  it('is computed once for an operation that reads no variable', async () => {
    const api = loadApiConfig({});
    const memo = new CountingMemo();
    // A second cost plugin with a memo we can watch: it sees the very operation nodes the built-in one does.
    await withServer(api, [costPlugin(api.limits, api.production, memo)], async (post) => {
      for (let i = 0; i < 4; i++) expect((await post({ query: WHO_SAID })).status).toBe(200);
      expect([memo.sets, memo.hits]).toEqual([1, 3]);
    });
  });

  it('is computed per request when a variable sets `first`: a cheap call does not let a dear one through', async () => {
    const counter = new Counter();
    const memo = new CountingMemo();
    const query = 'query Page($n: Int) { claims(first: $n) { nodes { statements { source { statements { id: recordId } } } } } }';
    // The limit between the costs of 1 and 100 items, whatever the nested lists count today.
    const probe = new Counter();
    await withServer(loadApiConfig({}), [probe.plugin()], async () => undefined);
    const schema = probe.schema;
    if (schema === undefined) throw new Error('no schema');
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const limits = loadApiConfig({}).limits;
    const [cheap, dear] = [1, 100].map((n) => operationCost(schema, document, operation, { n }, limits));
    expect(dear).toBeGreaterThan((cheap ?? 0) + 1);
    const api = loadApiConfig({ CLAIMGRAPH_MAX_COST: String((cheap ?? 0) + 1) });

    await withServer(api, [counter.plugin(), costPlugin(api.limits, api.production, memo)], async (post) => {
      const first = await post({ query, variables: { n: 1 } });
      expect([first.status, first.body.errors]).toEqual([200, undefined]);
      const second = await post({ query, variables: { n: 100 } });
      expect([second.status, second.body.errors?.map((e) => e.extensions?.limit)]).toEqual([400, ['cost']]);
      const third = await post({ query, variables: { n: 1 } });
      expect(third.status).toBe(200);
      // One parse for the three, yet no cost kept for an operation whose cost depends on $n.
      expect([counter.parses, memo.sets, memo.hits]).toEqual([1, 0, 0]);
    });
  });
});

describe('responses', () => {
  it('tells caches not to keep any GraphQL answer (data, field errors, refused documents)', async () => {
    await withServer(loadApiConfig({}), [], async (post) => {
      const answers = await Promise.all([post({ query: WHO_SAID }), post({ query: '{ source(id: "nope") { id: recordId } }' }), post({ query: '{ nope }' })]);
      expect(answers.map((a) => [a.status, a.headers.get('cache-control')])).toEqual([
        [200, 'no-store'],
        [200, 'no-store'],
        [400, 'no-store'],
      ]);
    });
  });

  it('answers 413 to a chunked body that grows past the limit, and closes the connection', async () => {
    await withServer(loadApiConfig({}), [], async (_post, server) => {
      const url = new URL(server.url);
      const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
        });
        // The server may close before the client has written everything: that is the point.
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
        req.write(`{"query": "{ __typename }", "pad": "${'x'.repeat(700 * 1024)}`);
        req.write(`${'x'.repeat(700 * 1024)}"}`);
        req.end();
      });
      expect([answer.status, answer.connection, (JSON.parse(answer.body) as Answer['body']).errors?.[0]?.extensions?.code]).toEqual([413, 'close', 'BAD_USER_INPUT']);
    });
  });
});

describe("the store's one-query read (outside a transaction on the embedded engine)", () => {
  it('keeps the checks of a read transaction: a write query is refused, an engine error names the query', async () => {
    await expect(store.read('import-sources', { rows: [] })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/import-sources writes/) });
    await expect(store.read('claims-page', { search: null, after: '', limit: -1 })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('claims-page') });
  });

  it('sees a write as soon as it is committed', async () => {
    const created = await gql(store, 'mutation { createEntity(input: { name: "Read after write" }) { entity { id: recordId } } }', {}, 'tester');
    const id = (created.data?.createEntity as { entity: { id: string } } | undefined)?.entity.id;
    expect(typeof id).toBe('string');
    expect(await store.read('entities-by-ids', { ids: [id] })).toEqual([{ entity: expect.objectContaining({ id, name: 'Read after write' }) }]);
  });
});
