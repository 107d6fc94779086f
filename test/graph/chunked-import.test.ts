import { graphCounts, loadSeedBundle } from '../../src/analysis/seed';
import { importInCommits, type PieceReport } from '../../src/graph/chunked-import';
import { exportBundle, type BundleJson } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { syntheticBundle } from '../../src/graph/synthetic';
import type { AccessMode, GraphStore, QueryRunner } from '../../src/store/port';
import { emptyStore } from '../helpers';

/*
 * An import in several commits (src/graph/chunked-import.ts; docs/BUNDLE.md,
 * "Large imports on Neo4j") on the engine under test: it leaves the graph
 * the one-transaction import leaves; stopped after some pieces, it keeps
 * those, and run again it resumes, saying which pieces were already there;
 * a bundle with a problem writes nothing at all.
 */

const NOW = '2026-01-02T03:04:05.000Z';
const OPTIONS = { editor: 'chunks', now: NOW };
const PER_COMMIT = 100;

/**
 * The synthetic bundle with a derivation from 200 statements back on every
 * tenth statement, and its statements in reverse: derivations point to
 * statements later in the list, so pieces cut in list order would refer to
 * statements not yet written, and the dependency order is what lets it work.
 */
function bundle(): Record<string, unknown> {
  const b = syntheticBundle({ statements: 450, seed: 11 }) as unknown as Record<string, Record<string, unknown>[]>;
  const statements = b.statements!.map((s, i) => (i % 10 === 5 && i >= 200 && s.derivedFrom == null ? { ...s, derivedFrom: b.statements![i - 200]!.id } : s));
  return { ...b, statements: statements.reverse() };
}

/** What the one-transaction import leaves, exported. */
let whole: BundleJson;
beforeAll(async () => {
  const store = await emptyStore();
  try {
    await importBundle(store, bundle(), OPTIONS);
    whole = await exportBundle(store);
  } finally {
    await store.close();
  }
});

let store: GraphStore;
beforeEach(async () => {
  store = await emptyStore();
});
afterEach(() => store.close());

/** The store, with the `n`th write transaction made to fail after its work, before it commits (as a crash would). */
function failingAt(inner: GraphStore, n: number): GraphStore {
  let writes = 0;
  return new Proxy(inner, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver) as unknown;
      return <T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> => {
        if (mode === 'WRITE' && ++writes === n) {
          return target.transaction(mode, async (tx) => {
            await work(tx);
            throw new Error(`stopped before the commit of write ${n}`);
          });
        }
        return target.transaction(mode, work);
      };
    },
  });
}

describe('an import in several commits', () => {
  it('leaves the graph the one-transaction import leaves, in 1 + 5 pieces', async () => {
    const pieces: PieceReport[] = [];
    const { report } = await importInCommits(store, bundle(), { ...OPTIONS, statementsPerCommit: PER_COMMIT, onPiece: (p) => pieces.push(p) });
    expect(pieces.map((p) => [p.index, p.of, p.alreadyThere])).toEqual([1, 2, 3, 4, 5, 6].map((i) => [i, 6, false]));
    expect(pieces[1]!.what).toBe('statements 1 to 100 of 450');
    expect(report.statements).toEqual({ created: 450, updated: 0, unchanged: 0 });
    expect(await exportBundle(store)).toEqual(whole);
  });

  it('keeps the pieces committed before a failure, and resumes after them when run again, saying so', async () => {
    // Write 4 is the third piece of statements: the sources and the rest, then statements 1 to 200, are committed.
    await expect(importInCommits(failingAt(store, 4), bundle(), { ...OPTIONS, statementsPerCommit: PER_COMMIT })).rejects.toThrow('stopped before the commit of write 4');
    expect((await graphCounts(store)).statements).toBe(200);
    const pieces: PieceReport[] = [];
    await importInCommits(store, bundle(), { ...OPTIONS, statementsPerCommit: PER_COMMIT, onPiece: (p) => pieces.push(p) });
    expect(pieces.map((p) => p.alreadyThere)).toEqual([true, true, true, false, false, false]);
    expect(pieces.filter((p) => p.alreadyThere).every((p) => p.changed === 0)).toBe(true);
    expect(await exportBundle(store)).toEqual(whole);
  });

  it('writes nothing of a bundle with a problem, wherever the problem is', async () => {
    const bad = bundle() as { statements: Record<string, unknown>[] };
    bad.statements[bad.statements.length - 1] = { ...bad.statements.at(-1)!, claim: 'no-such-claim' };
    await expect(importInCommits(store, bad, { ...OPTIONS, statementsPerCommit: PER_COMMIT })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('no-such-claim') });
    expect(Object.values(await graphCounts(store)).every((n) => n === 0)).toBe(true);
  });

  it('takes questions, ratings, assessments and the change log too (the seed with one of each, 5 statements a commit)', async () => {
    const seed = JSON.parse(JSON.stringify(loadSeedBundle())) as Record<string, Record<string, unknown>[]>;
    const [c1, c2] = seed.claims!.map((c) => String(c.id));
    const t1 = seed.statements!.find((t) => t.claim === c1)!;
    seed.questions = [{ id: 'q1', text: 'What happened?', hypotheses: [c1, c2], cells: [{ hypothesis: c1, statement: t1.id, claim: null, cell: 'INCONSISTENT', reason: 'Retracted since.', by: 'editor', at: '2031-03-16T08:00:00+01:00' }] }];
    seed.ratings = [{ id: 'rating-1', source: t1.source, grade: 'C', reason: 'Fairly reliable.', by: 'editor', at: '2031-03-14T09:00Z' }];
    seed.assessments = [{ id: 'assessment-1', claim: c2, verdict: 'MOSTLY_FALSE', rating: 2, explanation: 'It mostly happened.', url: 'https://example.org/check', by: 'editor', at: '2031-03-14T09:00Z' }];
    seed.changes = [{ id: '2031-03-14T09:00:00.000Z~1', at: '2031-03-14T09:00:00.000Z', by: 'editor', action: 'DELETE', kind: 'CLAIM', target: 'claim-gone', details: null }];
    const pieces: PieceReport[] = [];
    await importInCommits(store, seed, { ...OPTIONS, statementsPerCommit: 5, onPiece: (p) => pieces.push(p) });
    expect(pieces.at(-1)!.what).toBe('questions');
    expect(pieces.length).toBeGreaterThan(2);
    const chunked = await exportBundle(store) as unknown as Record<string, unknown[]>;
    for (const section of ['sources', 'entities', 'documents', 'claims', 'statements', 'links', 'questions', 'ratings', 'assessments', 'changes']) {
      expect([section, chunked[section]?.length]).toEqual([section, (seed[section] as unknown[]).length]);
    }
  });

  it('refuses a version 1 bundle and a count of statements per commit under 1, writing nothing', async () => {
    await expect(importInCommits(store, { format: 'claimgraph-bundle', version: 1 }, { ...OPTIONS, statementsPerCommit: 10 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('version 2') });
    await expect(importInCommits(store, bundle(), { ...OPTIONS, statementsPerCommit: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('got 0') });
    expect(Object.values(await graphCounts(store)).every((n) => n === 0)).toBe(true);
  });
});
