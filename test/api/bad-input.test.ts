import { encodeCursor } from '../../src/api/pagination';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore } from '../helpers';

/* Bad input gets a clear error that says what was expected and what came, with a code in extensions.code. */

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

describe('unknown ids', () => {
  it.each([
    ['claim', 'claim'],
    ['source', 'source'],
    ['statement', 'statement'],
    ['document', 'document'],
    ['entity', 'entity'],
  ])('%s(id) answers null with a NOT_FOUND error naming the id', async (field, kind) => {
    const result = await gql(store, `{ ${field}(id: "nope") { id } }`);
    expect(result.data).toEqual({ [field]: null });
    expect(result.errors).toEqual([expect.objectContaining({ message: `No ${kind} with id "nope".`, path: [field], extensions: expect.objectContaining({ code: 'NOT_FOUND', id: 'nope' }) })]);
  });

  it('conflicts(claimId) with an unknown claim is NOT_FOUND, not an empty list', async () => {
    const result = await gql(store, `{ conflicts(claimId: "claim-nope") { totalCount } }`);
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.errors?.[0]?.message).toBe('No claim with id "claim-nope".');
  });

  it('conflicts(sourceId) with an unknown source is NOT_FOUND', async () => {
    expect(codes(await gql(store, `{ conflicts(sourceId: "src-nope") { totalCount } }`))).toEqual(['NOT_FOUND']);
  });
});

describe('page arguments', () => {
  it.each([-1, 101])('first: %i is BAD_USER_INPUT saying the allowed range and what came', async (first) => {
    const result = await gql(store, `query($first: Int) { claims(first: $first) { totalCount } }`, { first });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe(`Argument "first" must be an integer from 0 to 100, got ${first}.`);
  });

  it('first: 0 is allowed and returns an empty page that knows more follow', async () => {
    const result = await gql(store, `{ sources(first: 0) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    expect(result.data).toEqual({ sources: { nodes: [], pageInfo: { hasNextPage: true, endCursor: null } } });
  });

  it.each([
    ['not base64 json', 'garbage!!'],
    ['valid base64 of something else', Buffer.from('{"x":1}').toString('base64url')],
    ['a cursor from another list', encodeCursor('sources', ['src-airwars'])],
  ])('a malformed cursor (%s) is BAD_USER_INPUT showing the cursor', async (_, after) => {
    const result = await gql(store, `query($after: String) { claims(after: $after) { totalCount } }`, { after });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe(`Argument "after" must be a cursor returned by a previous page of claims (an endCursor or edge cursor), got "${after}".`);
  });

  it('a conflicts cursor with the wrong shape is BAD_USER_INPUT', async () => {
    const result = await gql(store, `query($after: String) { conflicts(after: $after) { totalCount } }`, { after: encodeCursor('conflicts', ['only-one']) });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('an over-long search string is BAD_USER_INPUT', async () => {
    const result = await gql(store, `query($s: String) { claims(search: $s) { totalCount } }`, { s: 'x'.repeat(201) });
    expect(result.errors?.[0]?.message).toBe('Argument "search" must be at most 200 characters, got 201.');
  });

  it('a search with Cypher in it is matched as text, never run', async () => {
    const result = await gql(store, `query($s: String) { claims(search: $s) { totalCount } }`, { s: `') MATCH (n) DETACH DELETE n //` });
    expect(result).toEqual({ data: { claims: { totalCount: 0 } } });
    expect((await gql(store, `{ claims { totalCount } }`)).data).toEqual({ claims: { totalCount: 34 } });
  });
});

describe('malformed operations', () => {
  it('a field that does not exist is a validation error, not a crash', async () => {
    const result = await gql(store, `{ claims { nodes { nonsense } } }`);
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "nonsense" on type "Claim"/);
  });

  it('a variable of the wrong type is BAD_USER_INPUT naming the variable', async () => {
    const result = await gql(store, `query($first: Int) { claims(first: $first) { totalCount } }`, { first: 'ten' });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toMatch(/\$first/);
  });

  it('errors carry no stack trace', async () => {
    const result = await gql(store, `{ claim(id: "nope") { id } }`);
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts/);
  });
});
