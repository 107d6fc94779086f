import type { GraphStore } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * Every cache of a request lives with its loaders (src/api/loaders.ts,
 * `cached`), and every write replaces them: what a mutation operation reads
 * after its second write sees both writes, in every resolver module
 * (provenance and timeline included, which once kept a side table per
 * request and answered from before the second write).
 */

const CLAIM = 'claim-al-masoud-undercover-against-is';
const ENTITY = 'ent-khaled-al-masoud';

const RECORD = `
  mutation Two($a: RecordStatementInput!, $b: RecordStatementInput!) {
    first: recordStatement(input: $a) { statement { claim { provenance(format: TURTLE) about { timeline(first: 100) { totalCount } } } } }
    second: recordStatement(input: $b) { statement { claim { provenance(format: TURTLE) about { timeline(first: 100) { totalCount } } } } }
  }`;

describe('caches that writes reset, one set per request', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('reads provenance and timelines after each write of one operation as that write left them', async () => {
    const before = await gql(store, `{ entity(id: "${ENTITY}") { timeline(first: 100) { totalCount } } }`);
    const total = (before.data as { entity: { timeline: { totalCount: number } } }).entity.timeline.totalCount;
    const statement = (id: string) => ({ id, source: 'src-dumayr-report', claim: CLAIM, stance: 'ASSERTS', date: '2024-01-0' + id.slice(-1) });
    const result = await gql(store, RECORD, { a: statement('st-cache-1'), b: statement('st-cache-2') }, 'cache-test');
    expect(result.errors).toBeUndefined();
    type Answer = { claim: { provenance: string; about: { timeline: { totalCount: number } }[] } };
    const data = result.data as { first: { statement: Answer }; second: { statement: Answer } };
    const [first, second] = [data.first.statement, data.second.statement];
    expect(first.claim.provenance).toContain('st-cache-1');
    expect(first.claim.provenance).not.toContain('st-cache-2');
    // After the second write: both statements, not the answer cached after the first.
    expect(second.claim.provenance).toContain('st-cache-1');
    expect(second.claim.provenance).toContain('st-cache-2');
    const timeline = (a: Answer) => a.claim.about.map((e) => e.timeline.totalCount);
    expect(timeline(first)).toContain(total + 1);
    expect(timeline(second)).toContain(total + 2);
  });

  it("reads a source's rating after each write of one operation as that write left it (the credibility module's cache)", async () => {
    const RATE = `
      mutation Rate {
        first: rateSource(input: { source: "src-dumayr-report", grade: B, reason: "first" }) { source { reliability { grade } reliabilityHistory { grade } } }
        second: rateSource(input: { source: "src-dumayr-report", grade: D, reason: "second" }) { source { reliability { grade } reliabilityHistory { grade } } }
      }`;
    const result = await gql(store, RATE, {}, 'cache-test');
    expect(result.errors).toBeUndefined();
    type Answer = { reliability: { grade: string }; reliabilityHistory: { grade: string }[] };
    const data = result.data as { first: { source: Answer }; second: { source: Answer } };
    const [first, second] = [data.first.source, data.second.source];
    expect(first.reliability.grade).toBe('B');
    expect(second.reliability.grade).toBe('D');
    expect(second.reliabilityHistory.length).toBe(first.reliabilityHistory.length + 1);
  });
});
