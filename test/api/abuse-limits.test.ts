import { keyLine } from '../../src/api/auth';
import { createContext } from '../../src/api/context';
import { createApolloServer, startHttpServer, type RunningServer } from '../../src/api/server';
import { buildASTSchema, parse, type OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../src/api/limits';
import { loadTypeDefs } from '../../src/api/schema';
import { DEFAULT_LIMITS, loadApiConfig } from '../../src/config';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore, type GqlResult } from '../helpers';

/*
 * What the cost limit missed: a claim's provenance costs what it produces
 * (an estimate before it runs, its real bytes while it runs), and a
 * deletion preview is costed, paged, and only for the role that may delete.
 */

let store: GraphStore;
let server: RunningServer;
const KEYS = { admin: 'admin-key-abuse-123456', editor: 'editor-key-abuse-123456', reader: 'reader-key-abuse-123456' };

beforeAll(async () => {
  store = await seededStore();
  const api = loadApiConfig({ CLAIMGRAPH_API_KEYS: Object.entries(KEYS).map(([role, key]) => keyLine(role as 'admin', role, key)).join(',') });
  server = await startHttpServer(store, 0, '127.0.0.1', { api });
});
afterAll(async () => {
  await server.stop();
  await store.close();
});

async function http(query: string, key?: string): Promise<{ status: number; body: GqlResult }> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GqlResult };
}

const CLAIM = 'claim-al-masoud-undercover-against-is';

describe('Claim.provenance', () => {
  it('costs what a chain produces: a page of claims with their provenance is refused before anything runs', async () => {
    const result = await gql(store, '{ claims(first: 100) { nodes { id provenance } } }');
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0]?.message).toMatch(/Its estimated cost is \d+; at most 50000 is allowed/);
    // One claim's provenance is fine.
    expect((await gql(store, `{ claim(id: "${CLAIM}") { provenance } }`)).errors).toBeUndefined();
  });

  it('stops producing at the output bound: the field past it is an error that says what to do', async () => {
    const apollo = createApolloServer();
    // Claim.provenance is JSON: the JSON-LD document as an object; the bound counts its serialised bytes.
    const one = ((await gql(store, `{ claim(id: "${CLAIM}") { provenance } }`)).data?.claim as { provenance: unknown }).provenance;
    const bytes = Buffer.byteLength(JSON.stringify(one));
    // Room for two chains and a half.
    const response = await apollo.executeOperation(
      { query: `{ claim(id: "${CLAIM}") { a: provenance b: provenance c: provenance d: provenance } }` },
      { contextValue: createContext(store, null, undefined, { maxBytes: Math.floor(bytes * 2.5), production: false }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const result = response.body.singleResult as GqlResult;
    const claim = result.data?.claim as Record<string, string | null> | null;
    expect(claim).toBeNull(); // provenance is non-null: the error nulls its claim
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions).toMatchObject({ limit: 'output' });
    expect(result.errors?.[0]?.message).toBe(
      `This operation asks for more provenance than one response may carry (at most ${Math.floor(bytes * 2.5)} bytes; CLAIMGRAPH_MAX_OUTPUT_BYTES). Ask for fewer provenance fields at once, or export one claim's chain with "npx claimgraph export --format prov-jsonld --claim ID".`,
    );
    await apollo.stop();
  });
});

describe('deletionPreview', () => {
  const PREVIEW = (args = '') => `{ deletionPreview(kind: SOURCE, id: "src-dumayr-report") { nodes${args} { kind id: recordId } nodeCounts { kind count } confirm } }`;

  it('is for the role that may delete: anonymous and editor callers are refused, an admin gets it', async () => {
    const anonymous = await http(PREVIEW());
    expect([anonymous.status, codes(anonymous.body)]).toEqual([401, ['UNAUTHENTICATED']]);
    expect(anonymous.body.errors?.[0]?.message).toBe('The query deletionPreview needs an API key with role admin: send "Authorization: Bearer <API key>".');
    const editor = await http(PREVIEW(), KEYS.editor);
    expect([editor.status, codes(editor.body)]).toEqual([403, ['FORBIDDEN']]);
    expect(editor.body.errors?.[0]?.message).toBe('The query deletionPreview needs role admin; this key has role editor.');
    const admin = await http(PREVIEW(), KEYS.admin);
    expect(admin.status).toBe(200);
    expect(admin.body.errors).toBeUndefined();
    // Reading the rest of the graph still needs no key.
    expect((await http('{ claims(first: 1) { totalCount } }')).status).toBe(200);
  });

  it('is paged: first and offset walk the nodes, the counts give the whole', async () => {
    const whole = (await gql(store, PREVIEW(), {}, 'admin')).data?.deletionPreview as { nodes: { id: string }[]; nodeCounts: { count: number }[]; confirm: string };
    const total = whole.nodeCounts.reduce((n, c) => n + c.count, 0);
    expect(whole.nodes).toHaveLength(Math.min(total, 100));
    expect(total).toBeGreaterThan(4);
    const first = (await gql(store, PREVIEW('(first: 2)'), {}, 'admin')).data?.deletionPreview as typeof whole;
    const next = (await gql(store, PREVIEW('(first: 2, offset: 2)'), {}, 'admin')).data?.deletionPreview as typeof whole;
    expect([...first.nodes, ...next.nodes]).toEqual(whole.nodes.slice(0, 4));
    // The token confirms the whole deletion, whatever page was read.
    expect(first.confirm).toBe(whole.confirm);
    const bad = await gql(store, PREVIEW('(first: 2, offset: -1)'), {}, 'admin');
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0]?.message).toBe('Argument "offset" must be an integer from 0, got -1.');
  });

  it('is costed: its weight and its pages, not 1', () => {
    const schema = buildASTSchema(loadTypeDefs(), { assumeValidSDL: true });
    const cost = (query: string) => {
      const document = parse(query);
      return operationCost(schema, document, document.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS);
    };
    // 200 for the preview, then 100 nodes of 1 field each (the page a request gets without `first`).
    expect(cost('{ deletionPreview(kind: SOURCE, id: "x") { confirm } }')).toBe(201);
    expect(cost('{ deletionPreview(kind: SOURCE, id: "x") { nodes { recordId } } }')).toBe(200 + 1 + 100);
    expect(cost('{ deletionPreview(kind: SOURCE, id: "x") { nodes(first: 5) { recordId } } }')).toBe(200 + 1 + 5);
    expect(cost('{ claim(id: "x") { provenance } }')).toBe(1 + 500);
  });
});
