import type { GraphStore } from '../../src/store/port';
import { gql, RecordingStore, seededStore } from '../helpers';

/*
 * No N+1: an operation costs one round trip per (query, nesting level),
 * however many results each level holds. Counted with a recording store.
 */

let seeded: GraphStore;
beforeAll(async () => {
  seeded = await seededStore();
});
afterAll(() => seeded.close());

const NESTED = `query($first: Int) {
  claims(first: $first) {
    nodes {
      text
      about { name }
      statements { position quote source { name affiliations { name } } document { title } derivedFrom { id } current }
      sources { name }
      contradicts { text }
      corroboration { assertingSources independentSources }
    }
  }
}`;

async function roundTrips(first: number): Promise<{ calls: string[]; claims: number; statements: number }> {
  const recording = new RecordingStore(seeded);
  const result = await gql(recording, NESTED, { first });
  expect(result.errors).toBeUndefined();
  const nodes = (result.data?.claims as { nodes: { statements: unknown[] }[] }).nodes;
  return { calls: recording.calls, claims: nodes.length, statements: nodes.reduce((n, c) => n + c.statements.length, 0) };
}

it('costs the same round trips for 1 claim as for every claim, one per query and level', async () => {
  const one = await roundTrips(1);
  const all = await roundTrips(100);
  expect(one.claims).toBe(1);
  expect(all.claims).toBe(34);
  expect(all.statements).toBeGreaterThan(40);
  // sources-by-ids runs once or twice (the statements' sources, then their
  // parents), or once when source-pages-by-claims has primed the sources
  // first: which finishes first varies, so it is counted apart.
  const others = (calls: string[]) => calls.filter((c) => c !== 'sources-by-ids').sort();
  expect(others(all.calls)).toEqual(others(one.calls));
  expect(all.calls.filter((c) => c === 'sources-by-ids').length).toBeLessThanOrEqual(2);
  // Each query runs at most once per nesting level.
  expect(all.calls.filter((c) => c === 'claims-page')).toHaveLength(1);
  expect(all.calls.filter((c) => c === 'statement-pages-by-claims')).toHaveLength(1);
  expect(all.calls.filter((c) => c === 'source-pages-by-claims')).toHaveLength(1);
  expect(all.calls.filter((c) => c === 'corroboration-by-claims')).toHaveLength(1);
  expect(all.calls.length).toBeLessThanOrEqual(10);
  console.log(`round trips for the nested claims query: ${all.calls.length} (${all.calls.join(', ')}) for ${all.claims} claims and ${all.statements} statements`);
});

it('costs the same round trips for a source with one statement as for the source with the most', async () => {
  const query = `query($id: ID!) { source(id: $id) { statements { appearances { document { title } via { source { name } } } claim { statements { source { name } } } } members { source { name } } } }`;
  const callsFor = async (id: string): Promise<{ calls: string[]; statements: number }> => {
    const recording = new RecordingStore(seeded);
    const result = await gql(recording, query, { id });
    return { calls: recording.calls, statements: (result.data?.source as { statements: unknown[] }).statements.length };
  };
  const few = await callsFor('src-sfa-representatives');
  const many = await callsFor('src-dumayr-report');
  expect(few.statements).toBe(1);
  expect(many.statements).toBeGreaterThan(10);
  expect(many.calls).toEqual(few.calls);
});
