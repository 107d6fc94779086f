/**
 * The synthetic bundle that `npm run bench:import` and the crash test
 * import: valid, deterministic, sized as documented, and shaped like real
 * coverage in version 2 (all stances, hedges and doubts, one remark in
 * several documents, intermediaries, derived statements, affiliations,
 * links).
 */
import { checkBundle } from '../../src/graph/bundle';
import { STANCES } from '../../src/graph/model';
import { syntheticBundle } from '../../src/graph/synthetic';

describe('syntheticBundle', () => {
  test.each([1, 50, 2_000, 20_000])('%i statements: checkBundle finds no problem', (statements) => {
    const { problems } = checkBundle(syntheticBundle({ statements, seed: 7 }));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  test('the same arguments give the same bundle; another seed gives another one, with ids that do not collide', () => {
    const a = JSON.stringify(syntheticBundle({ statements: 3_000, seed: 42 }));
    expect(JSON.stringify(syntheticBundle({ statements: 3_000, seed: 42 }))).toBe(a);
    const other = syntheticBundle({ statements: 3_000, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(a);
    const ids = new Set((JSON.parse(a) as { statements: { id: string }[] }).statements.map((s) => s.id));
    expect(other.statements.filter((s) => ids.has(s.id))).toEqual([]);
  });

  test('sizes: N statements, about N/4 claims, N/20 sources, N/10 documents', () => {
    const b = syntheticBundle({ statements: 20_000, seed: 1 });
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.05);
    expect(b.statements).toHaveLength(20_000);
    near(b.claims.length, 5_000);
    near(b.sources.length, 1_000);
    near(b.documents.length, 2_000);
  });

  test('shaped like coverage: all stances, hedges and doubts with their words, second appearances, intermediaries, derivations, affiliations, anonymous groups, both link types, skewed claims', () => {
    const b = syntheticBundle({ statements: 10_000, seed: 3 });
    const stances = new Set(b.statements.map((s) => s.stance));
    expect([...stances].sort()).toEqual([...STANCES].sort());
    // Hedged assertions (hedges) and hedged denials (doubts), each with its words; nothing else hedged.
    const hedged = b.statements.filter((s) => s.hedged);
    expect(hedged.every((s) => typeof s.hedge === 'string' && s.hedge.length > 0)).toBe(true);
    expect(new Set(hedged.map((s) => s.stance))).toEqual(new Set(['ASSERTS', 'DENIES']));
    expect(b.statements.filter((s) => !s.hedged && s.hedge !== null)).toEqual([]);

    // One remark, many reports: statements printed by two documents, never twice by one.
    const twice = b.statements.filter((s) => s.appearances.length > 1);
    expect(twice.length).toBeGreaterThan(100);
    expect(b.statements.every((s) => new Set(s.appearances.map((a) => a.document)).size === s.appearances.length)).toBe(true);

    // Intermediaries name sources (and their documents) of the bundle.
    const sourceIds = new Set(b.sources.map((s) => s.id));
    const documentIds = new Set(b.documents.map((d) => d.id));
    const steps = b.statements.flatMap((s) => s.appearances.flatMap((a) => a.via));
    expect(steps.length).toBeGreaterThan(50);
    expect(steps.every((v) => sourceIds.has(v.source) && (v.document === null || documentIds.has(v.document)))).toBe(true);

    // Derived statements: an outlet's own-voice assertion taken from another source's statement.
    const byId = new Map(b.statements.map((s) => [s.id, s]));
    const derived = b.statements.filter((s) => s.derivedFrom !== null);
    expect(derived.length).toBeGreaterThan(10);
    expect(derived.every((s) => s.stance === 'ASSERTS' && byId.has(s.derivedFrom as string) && byId.get(s.derivedFrom as string)?.source !== s.source)).toBe(true);

    const groups = b.sources.filter((s) => s.anonymous && s.kind === 'GROUP' && s.count !== null);
    expect(groups.length).toBeGreaterThan(5);
    const parents = new Set(b.affiliations.map((a) => a.parent));
    expect(b.sources.filter((s) => s.name.startsWith('Government of') && parents.has(s.id)).length).toBeGreaterThanOrEqual(2);
    for (const role of ['ministry', 'reporter', 'officials']) expect(b.affiliations.some((a) => a.role === role)).toBe(true);

    expect(new Set(b.links.map((l) => l.type))).toEqual(new Set(['CONTRADICTS', 'SUPPORTS']));

    // Skewed popularity: the most discussed 1 % of claims draw far more than 1 % of statements.
    const perClaim = new Map<string, number>();
    for (const s of b.statements) perClaim.set(s.claim, (perClaim.get(s.claim) ?? 0) + 1);
    const top = [...perClaim.values()].sort((x, y) => y - x).slice(0, Math.ceil(b.claims.length / 100));
    expect(top.reduce((n, x) => n + x, 0) / b.statements.length).toBeGreaterThan(0.1);
  });
  test('hub sources: one source makes a tenth of the statements, and a handful more make far more than their share', () => {
    const b = syntheticBundle({ statements: 20_000, seed: 5 });
    const perSource = new Map<string, number>();
    for (const s of b.statements) perSource.set(s.source, (perSource.get(s.source) ?? 0) + 1);
    const counts = [...perSource.values()].sort((x, y) => y - x);
    expect((counts[0] ?? 0) / b.statements.length).toBeGreaterThan(0.08);
    const fairShare = b.statements.length / b.sources.length;
    expect(counts.filter((c) => c > 5 * fairShare).length).toBeGreaterThanOrEqual(3);
  });

  test('outlets carry each other: a document of one publisher citing another outlet, in both directions between some pair', () => {
    const b = syntheticBundle({ statements: 20_000, seed: 5 });
    const publisher = new Map(b.documents.map((d) => [d.id, d.publisher]));
    const carries = new Set<string>(); // "A<-B": a document published by A prints a statement via B
    for (const s of b.statements) {
      for (const a of s.appearances) {
        const by = publisher.get(a.document);
        for (const step of a.via) if (by != null && by !== step.source) carries.add(`${by}<-${step.source}`);
      }
    }
    expect(carries.size).toBeGreaterThan(20);
    const circular = [...carries].filter((q) => {
      const [a, via] = q.split('<-');
      return carries.has(`${via}<-${a}`);
    });
    expect(circular.length).toBeGreaterThan(0);
  });
});
