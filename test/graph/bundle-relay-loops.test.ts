import fc from 'fast-check';
import { checkBundle } from '../../src/graph/bundle';

/*
 * The relay loop check walks each chain once (bundle.ts, checkRelayCycles).
 * Against the obvious definition on random relay graphs: a statement is on a
 * loop when following its relays leads back to it.
 */

/** Statement i is on a loop when following `via` from it comes back to it. */
function onLoopNaive(via: (number | null)[], i: number): boolean {
  let node = via[i] ?? null;
  for (let steps = 0; node !== null && steps <= via.length; steps++) {
    if (node === i) return true;
    node = via[node] ?? null;
  }
  return false;
}

it('reports exactly the statements on a relay loop, each once', () => {
  fc.assert(
    fc.property(fc.array(fc.option(fc.nat(30), { nil: null }), { minLength: 1, maxLength: 30 }), (raw) => {
      // Relays to ids past the end name no statement of the bundle: a dangling reference, not a loop.
      const via = raw.map((v) => (v === null || v >= raw.length ? null : v));
      const bundle = {
        format: 'claimgraph-bundle',
        version: 1,
        sources: [{ id: 's', name: 'S', kind: 'PERSON', anonymous: false }],
        claims: [{ id: 'c', text: 'C' }],
        statements: via.map((v, i) => ({ id: `t${i}`, source: 's', claim: 'c', stance: 'ASSERTS', reportedVia: v === null ? null : `t${v}` })),
      };
      const reported = checkBundle(bundle)
        .problems.filter((p) => p.expected === 'a chain of relays that ends')
        .map((p) => p.path);
      const expected = via.flatMap((v, i) => (v !== i && onLoopNaive(via, i) ? [`$.statements[${i}].reportedVia`] : []));
      expect(reported).toEqual(expected);
    }),
    { numRuns: 500 },
  );
});
