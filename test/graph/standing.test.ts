import fc from 'fast-check';
import { readSeedJson } from '../../src/analysis/seed';
import { rebuildStandings, rebuildStandingsIfMissing, storedStandings } from '../../src/graph/standing';
import type { GraphStore, Row } from '../../src/store/port';
import { gql, seededStore } from '../helpers';

/*
 * Each claim's standing and current-position counts are kept up on write
 * (src/graph/standing.ts) by every write that changes a current position, a
 * CONTRADICTS or IMPLIES link, or an assessment. After random sequences of
 * edits through the API (statements with every stance, hedges, dates and
 * revisions; links drawn and removed; claims and sources merged; statements,
 * claims and sources deleted; verdicts), the stored values must equal those
 * rebuilt from scratch for every claim, and agree with `Claim.status` as the
 * API computes it, and `claims(status:)` must list exactly the claims of that
 * status: the two can never drift.
 */

const SEED = readSeedJson() as Record<string, { id?: string }[]>;
const idsOf = (section: string) => (SEED[section] ?? []).map((r) => r.id as string);
// A few claims and sources, so that edits meet each other often.
const CLAIMS = idsOf('claims').slice(0, 8);
const SOURCES = idsOf('sources').slice(0, 8);
const EDITOR = 'standing@example.org';

async function allClaims(store: GraphStore): Promise<string[]> {
  return (await store.read('claims-page', { after: '', limit: 10_000 })).map((r) => String((r.claim as Row).id));
}

async function stored(store: GraphStore, ids: string[]): Promise<Row[]> {
  return store.transaction('READ', (tx) => storedStandings(tx, ids));
}

interface Op {
  query: string;
  variables: Record<string, unknown>;
  preview?: { kind: string; id: string };
}

const claim = fc.constantFrom(...CLAIMS);
const source = fc.constantFrom(...SOURCES);
const date = fc.constantFrom(undefined, '2025', '2025-03', '2025-03-15', '2025-04-01', '2025-05-20T10:00Z');
const recorded: string[] = [];

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ source, claim, stance: fc.constantFrom('ASSERTS', 'DENIES', 'WITHDRAWS', 'NO_RESPONSE'), hedged: fc.boolean(), date, n: fc.nat(40) }).map((v) => ({
    query: 'mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { id: recordId } } }',
    variables: { input: Object.fromEntries(Object.entries({
      id: `st-standing-${v.n}`, source: v.source, claim: v.claim, stance: v.stance, date: v.date,
      hedged: v.stance === 'ASSERTS' || v.stance === 'DENIES' ? v.hedged : undefined,
    }).filter(([, x]) => x !== undefined)) },
  })) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('CONTRADICTS', 'IMPLIES'), from: claim, to: claim }).map((v) => ({
    query: 'mutation($input: LinkClaimsInput!) { linkClaims(input: $input) { from { id } } }', variables: { input: { ...v, reason: 'fuzz' } },
  })) },
  { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('CONTRADICTS', 'IMPLIES'), from: claim, to: claim }).map((v) => ({
    query: 'mutation($input: UnlinkClaimsInput!) { unlinkClaims(input: $input) { from { id } } }', variables: { input: v },
  })) },
  { weight: 1, arbitrary: fc.record({ keep: claim, merge: claim }).map((v) => ({ query: 'mutation($input: MergeClaimsInput!) { mergeClaims(input: $input) { mergedId } }', variables: { input: v } })) },
  { weight: 1, arbitrary: fc.record({ keep: source, merge: source }).map((v) => ({ query: 'mutation($input: MergeSourcesInput!) { mergeSources(input: $input) { mergedId } }', variables: { input: v } })) },
  { weight: 2, arbitrary: fc.record({ claim, verdict: fc.constantFrom('FALSE', 'TRUE', 'MIXED') }).map((v) => ({
    query: 'mutation($input: AssessClaimInput!) { assessClaim(input: $input) { assessment { id } } }', variables: { input: { ...v, rating: 3, explanation: 'fuzz' } },
  })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('STATEMENT', 'STATEMENT', 'CLAIM', 'SOURCE'), n: fc.nat(40), claim, source }).map((v) => ({
    query: 'mutation($input: DeleteInput!) { delete(input: $input) { deletedIds } }',
    variables: {},
    preview: { kind: v.kind, id: v.kind === 'STATEMENT' ? (recorded[v.n % Math.max(recorded.length, 1)] ?? `st-standing-${v.n}`) : v.kind === 'CLAIM' ? v.claim : v.source },
  })) },
);

async function run(store: GraphStore, op: Op): Promise<void> {
  let variables = op.variables;
  if (op.preview !== undefined) {
    const preview = await gql(store, 'query($kind: DeletableKind!, $id: ID!) { deletionPreview(kind: $kind, id: $id) { confirm } }', op.preview, EDITOR);
    const token = (preview.data?.deletionPreview as { confirm?: string } | null)?.confirm;
    if (token === undefined) return;
    variables = { input: { ...op.preview, confirm: token } };
  }
  const result = await gql(store, op.query, variables, EDITOR);
  // Refusals (a loop, a claim merged into itself, an unknown link) are fine; a failure of ours is not.
  for (const e of result.errors ?? []) expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']).toContain(e.extensions?.code);
  const id = (result.data?.recordStatement as { statement?: { id?: string } } | undefined)?.statement?.id;
  if (id !== undefined) recorded.push(id);
}

/** Stored standings equal those rebuilt from scratch, agree with Claim.status, and claims(status:) lists exactly those. */
async function checkNoDrift(store: GraphStore): Promise<void> {
  const ids = await allClaims(store);
  const kept = await stored(store, ids);
  expect(await rebuildStandings(store)).toBe(ids.length);
  const rebuilt = await stored(store, ids);
  expect(kept).toEqual(rebuilt);

  const statuses = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 15) {
    const slice = ids.slice(i, i + 15);
    const result = await gql(store, `{ ${slice.map((id, j) => `c${j}: claim(id: ${JSON.stringify(id)}) { recordId status }`).join(' ')} }`);
    expect(result.errors).toBeUndefined();
    for (const v of Object.values(result.data ?? {})) statuses.set((v as { recordId: string }).recordId, (v as { status: string }).status);
  }
  const expected: Record<string, string[]> = { REFUTED: ['REFUTED'], CONTESTED: ['CONTESTED'], SUPPORTED: ['CORROBORATED', 'UNVERIFIED'], UNVERIFIED: ['UNVERIFIED'] };
  for (const row of rebuilt) expect(expected[String(row.standing)]).toContain(statuses.get(String(row.id)));
  for (const status of ['REFUTED', 'CONTESTED', 'CORROBORATED', 'UNVERIFIED']) {
    const want = ids.filter((id) => statuses.get(id) === status).sort();
    // Small pages, so that the cursor and the windows of CORROBORATED and UNVERIFIED are crossed.
    const listed: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const page = await gql(store, 'query($s: ClaimStatus, $a: String) { claims(status: $s, first: 3, after: $a) { totalCount nodes { id: recordId } pageInfo { hasNextPage endCursor } } }', { s: status, a: after });
      expect(page.errors).toBeUndefined();
      const c = page.data?.claims as { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      total = c.totalCount;
      listed.push(...c.nodes.map((n) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect({ status, listed }).toEqual({ status, listed: want });
    expect(total).toBe(want.length);
  }
}

describe('kept-up claim standings', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it('are written by the import, for every claim', async () => {
    const ids = await allClaims(store);
    const kept = await stored(store, ids);
    expect(kept.map((r) => r.standing)).not.toContain(null);
    await checkNoDrift(store);
  }, 120_000);

  it('never drift from a rebuild after random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength: 6 }), async (sequence) => {
        for (const op of sequence) await run(store, op);
        await checkNoDrift(store);
      }),
      { numRuns: 25 },
    );
  }, 600_000);
});

describe('the start-up check', () => {
  it('writes nothing when every claim has its standing', async () => {
    const store = await seededStore();
    try {
      expect(await rebuildStandingsIfMissing(store)).toBe(0);
    } finally {
      await store.close();
    }
  });
});
