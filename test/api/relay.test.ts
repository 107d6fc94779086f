import {
  buildASTSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import type { GraphStore } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * What Relay and code generators expect of a schema (the GraphQL Cursor
 * Connections and Global Object Identification specifications, and the
 * input-object mutation convention), checked on the SDL itself, then on the
 * seed.
 */

// Apollo merges a value defined twice without a word; graphql-js's own builder does not.
const schema: GraphQLSchema = buildASTSchema(loadTypeDefs(), { assumeValidSDL: true });
const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
const typeString = (f: GraphQLField<unknown, unknown>) => String(f.type);

it('the SDL builds with graphql-js alone, as code generators and the Relay compiler read it: nothing is defined twice', () => {
  expect(() => buildASTSchema(loadTypeDefs())).not.toThrow();
});

describe('connections (Relay Cursor Connections)', () => {
  const connections = objectTypes.filter((t) => t.name.endsWith('Connection'));

  it('PageInfo has the four fields, typed as the specification says', () => {
    const pageInfo = schema.getType('PageInfo') as GraphQLObjectType;
    const fields = Object.fromEntries(Object.values(pageInfo.getFields()).map((f) => [f.name, typeString(f)]));
    expect(fields).toEqual({ startCursor: 'String', endCursor: 'String', hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!' });
  });

  it('every connection has pageInfo and edges of {cursor, node}', () => {
    expect(connections.length).toBeGreaterThan(10);
    for (const connection of connections) {
      const fields = connection.getFields();
      expect([connection.name, fields.pageInfo && typeString(fields.pageInfo)]).toEqual([connection.name, 'PageInfo!']);
      const edges = fields.edges;
      expect([connection.name, edges !== undefined && isNonNullType(edges.type) && isListType(edges.type.ofType)]).toEqual([connection.name, true]);
      const edge = getNamedType(edges!.type) as GraphQLObjectType;
      expect([edge.name, typeString(edge.getFields().cursor!)]).toEqual([edge.name, 'String!']);
      expect([edge.name, edge.getFields().node !== undefined]).toEqual([edge.name, true]);
    }
  });

  describe('on the seed', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await seededStore();
    });
    afterAll(() => store.close());

    it('a page gives its first and last cursors; a forward page never claims a previous one', async () => {
      const first = await gql(store, `{ claims(first: 2) { edges { cursor } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`);
      expect(first.errors).toBeUndefined();
      const page = (first.data as { claims: { edges: { cursor: string }[]; pageInfo: Record<string, unknown> } }).claims;
      expect(page.pageInfo).toEqual({ startCursor: page.edges[0]!.cursor, endCursor: page.edges[1]!.cursor, hasNextPage: true, hasPreviousPage: false });
      const empty = await gql(store, `{ sources(first: 0) { pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }`);
      expect(empty.data).toEqual({ sources: { pageInfo: { startCursor: null, endCursor: null, hasNextPage: true, hasPreviousPage: false } } });
    });
  });
});

describe('mutations (one input object, one payload type each)', () => {
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const capitalised = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

  it('every mutation takes one argument, `input`, of its own input type, and answers with its own payload', () => {
    expect(mutations.length).toBeGreaterThan(20);
    for (const m of mutations) {
      expect([m.name, m.args.map((a) => `${a.name}: ${String(a.type)}`)]).toEqual([m.name, [`input: ${capitalised(m.name)}Input!`]]);
      expect([m.name, String(m.type)]).toEqual([m.name, `${capitalised(m.name)}Payload!`]);
      const payload = getNamedType(m.type) as GraphQLObjectType;
      expect([m.name, payload.getFields().clientMutationId && typeString(payload.getFields().clientMutationId!)]).toEqual([m.name, 'String']);
    }
  });

  it('gives back the clientMutationId, with what the mutation changed, read after the change', async () => {
    const store = await seededStore();
    try {
      const result = await gql(
        store,
        `mutation { updateSource(input: { clientMutationId: "m-1", id: "src-airwars", description: "A monitor." }) { clientMutationId source { description } } }`,
        {},
        'alice@example.org',
      );
      expect(result).toEqual({ data: { updateSource: { clientMutationId: 'm-1', source: { description: 'A monitor.' } } } });
    } finally {
      await store.close();
    }
  });
});

describe('JSON-LD outputs (code generators type them alike)', () => {
  it('gives PROV in both formats and ClaimReview as one JSON type', () => {
    const claim = (schema.getType('Claim') as GraphQLObjectType).getFields();
    expect(typeString(claim.provenance!)).toBe('JSON!');
    expect(typeString(claim.claimReview!)).toBe('JSON');
  });
});
