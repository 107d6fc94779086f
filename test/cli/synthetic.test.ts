/**
 * The synthetic bundle that `npm run bench:import` and the crash test
 * import: valid, deterministic, sized as documented, and shaped like real
 * coverage (all stances, hedges, reported speech, affiliations, links).
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

  test('shaped like coverage: all stances, hedges with their words, relays, affiliations, anonymous groups, both link types, skewed claims', () => {
    const b = syntheticBundle({ statements: 10_000, seed: 3 });
    const stances = new Set(b.statements.map((s) => s.stance));
    expect([...stances].sort()).toEqual([...STANCES].sort());
    const hedges = b.statements.filter((s) => s.stance === 'HEDGES');
    expect(hedges.every((s) => typeof s.hedge === 'string' && s.hedge.length > 0)).toBe(true);
    expect(b.statements.filter((s) => s.stance !== 'HEDGES' && s.hedge !== null)).toEqual([]);

    const ids = new Set(b.statements.map((s) => s.id));
    const relayed = b.statements.filter((s) => s.reportedVia !== null);
    expect(relayed.length).toBeGreaterThan(50);
    expect(relayed.every((s) => ids.has(s.reportedVia as string))).toBe(true);

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

  test('outlets quote each other: relays across documents of different publishers, in both directions between some pair', () => {
    const b = syntheticBundle({ statements: 20_000, seed: 5 });
    const publisher = new Map(b.documents.map((d) => [d.id, d.publisher]));
    const byId = new Map(b.statements.map((s) => [s.id, s]));
    const quotes = new Set<string>(); // "A<-B": a statement published by A relays one published by B
    for (const s of b.statements) {
      if (s.reportedVia === null || s.document === null) continue;
      const relayed = byId.get(s.reportedVia);
      const a = publisher.get(s.document);
      const via = relayed?.document == null ? null : publisher.get(relayed.document);
      if (a != null && via != null && a !== via) quotes.add(`${a}<-${via}`);
    }
    expect(quotes.size).toBeGreaterThan(20);
    const circular = [...quotes].filter((q) => {
      const [a, via] = q.split('<-');
      return quotes.has(`${via}<-${a}`);
    });
    expect(circular.length).toBeGreaterThan(0);
  });
});
