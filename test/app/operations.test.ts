import { parse } from 'graphql';
import { namesQuery, OPERATIONS, parentsQuery } from '../../app/src/api';
import type { GraphStore } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * The explorer is a GraphQL client like any other: every operation it sends
 * (app/src/api.ts) must pass the server's validation and limits (tokens,
 * depth, aliases, cost) as the API stands. Queries run on the seed with real
 * ids and must answer without an error; mutations run with ids that do not
 * exist, so they are refused only for their input, never for their shape.
 */

let store: GraphStore;
beforeAll(async () => {
  store = await seededStore();
});
afterAll(() => store.close());

const CLAIM = 'claim-al-masoud-undercover-against-is';
const QUERY_VARIABLES: Record<string, Record<string, unknown>> = {
  SEARCH: { q: 'undercover', first: 20 },
  PICK_CLAIMS: { q: 'undercover' },
  PICK_SOURCES: { q: 'family' },
  HOME: {},
  CLAIM_PAGE: { id: CLAIM, first: 50 },
  CLAIM_GRADE: { id: CLAIM },
  CLAIM_STATEMENTS: { id: CLAIM, after: null, first: 50 },
  SOURCE_HEAD: { id: 'src-al-masoud-family' },
  SOURCE_STATEMENTS: { id: 'src-al-masoud-family', after: null, first: 100 },
  SOURCE_CONFLICTS: { id: 'src-al-masoud-family' },
  DOCUMENT_HEAD: { id: 'doc-dumayr-report' },
  DOCUMENT_STATEMENTS: { id: 'doc-dumayr-report', after: null },
  ENTITY_HEAD: { id: 'ent-khaled-al-masoud' },
  ENTITY_TIMELINE: { id: 'ent-khaled-al-masoud', after: null },
  QUESTION: { id: 'question-who-was-al-masoud' },
  PROVENANCE: { id: CLAIM, first: 40 },
  DUPLICATES: { after: null, first: 7 },
  CHECK_KEY: {},
};
const MUTATION_VARIABLES: Record<string, Record<string, unknown>> = {
  RECORD_STATEMENT: { input: { source: 'src-nope', claim: 'claim-nope', stance: 'ASSERTS', appearances: [{ document: 'doc-nope', quote: 'x', selector: { exact: 'x', prefix: null, suffix: null } }] } },
  CREATE_CLAIM: { input: { text: '' } },
  CREATE_SOURCE: { input: { name: '', kind: 'PERSON', anonymous: false } },
  LINK_CLAIMS: { input: { type: 'SUPPORTS', from: 'claim-nope', to: 'claim-nope-2', reason: 'r' } },
  RATE_SOURCE: { input: { source: 'src-nope', grade: 'B', reason: 'r' } },
  ASSESS_CLAIM: { input: { claim: 'claim-nope', verdict: 'TRUE', rating: 5, explanation: 'e', url: null } },
  MERGE_SOURCES: { input: { keep: 'src-nope', merge: 'src-nope-2' } },
  MERGE_ENTITIES: { input: { keep: 'ent-nope', merge: 'ent-nope-2' } },
  MERGE_CLAIMS: { input: { keep: 'claim-nope', merge: 'claim-nope-2' } },
  REJECT_DUPLICATE: { input: { kind: 'CLAIM', a: 'claim-nope', b: 'claim-nope-2' } },
};

it('names every operation once, with variables here', () => {
  expect(Object.keys(OPERATIONS).sort()).toEqual([...Object.keys(QUERY_VARIABLES), ...Object.keys(MUTATION_VARIABLES)].sort());
});

it.each(Object.keys(QUERY_VARIABLES))('query %s answers on the seed without an error', async (name) => {
  const result = await gql(store, OPERATIONS[name]!, QUERY_VARIABLES[name]);
  expect(result.errors).toBeUndefined();
});

it.each(Object.keys(MUTATION_VARIABLES))('mutation %s passes validation and the limits (refused only for its input)', async (name) => {
  const result = await gql(store, OPERATIONS[name]!, MUTATION_VARIABLES[name], 'editor@example.org');
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  expect(codes.length).toBeGreaterThan(0);
  expect(codes.filter((c) => !['BAD_USER_INPUT', 'NOT_FOUND'].includes(String(c)))).toEqual([]);
});

it('builds lookups of many records within the limits, at their largest', async () => {
  const sources = Array.from({ length: 15 }, () => 'src-al-masoud-family');
  const parents = await gql(store, parentsQuery(15), Object.fromEntries(sources.map((id, i) => [`s${i}`, id])));
  expect(parents.errors).toBeUndefined();
  expect(parents.data?.s14).toEqual({ recordId: 'src-al-masoud-family', affiliationRoles: [] });
  const kinds = ['SOURCE', 'ENTITY', 'CLAIM'] as const;
  const records = Array.from({ length: 15 }, (_, i) => kinds[i % 3]!);
  const ids = { SOURCE: 'src-al-masoud-family', ENTITY: 'ent-khaled-al-masoud', CLAIM: CLAIM };
  const names = await gql(store, namesQuery(records), Object.fromEntries(records.map((k, i) => [`r${i}`, ids[k]])));
  expect(names.errors).toBeUndefined();
  expect(names.data?.r1).toEqual({ recordId: 'ent-khaled-al-masoud', name: 'Khaled al-Masoud' });
  expect(parse(namesQuery(records)).definitions).toHaveLength(1);
});
