/**
 * The validator's words, as an editor reads them (issue 15): each message
 * says what came, not what JavaScript made of it.
 */
import { checkBundle } from '../../src/graph/bundle';
import { show } from '../../src/errors';

const problemsOf = (json: string) => checkBundle(JSON.parse(json)).problems;

describe('validator messages', () => {
  it('reports a count past the range of a number as out of range, not as null', () => {
    const problems = problemsOf('{"format":"claimgraph-bundle","version":2,"sources":[{"id":"s","name":"n","kind":"GROUP","anonymous":false,"count":1e400}]}');
    expect(problems).toEqual([{ path: '$.sources[0].count', id: 's', expected: 'a positive integer or null', got: expect.stringContaining('out of range (Infinity') }]);
    expect(problems[0]?.got).not.toMatch(/null/);
  });

  it('says nothing about a hedge on a stance it refused (no "on ASSERTS")', () => {
    const v1 =
      '{"format":"claimgraph-bundle","version":1,"sources":[{"id":"s","name":"n","kind":"GROUP","anonymous":false}],"claims":[{"id":"c","text":"t"}],' +
      '"statements":[{"id":"st","source":"s","claim":"c","stance":"NOPE","hedge":"maybe"}]}';
    expect(problemsOf(v1)).toEqual([{ path: '$.statements[0].stance', id: 'st', expected: 'one of ASSERTS, DENIES, HEDGES, NO_RESPONSE, NOT_ACKNOWLEDGED', got: '"NOPE"' }]);
    const v2 = v1.replace('"version":1', '"version":2');
    expect(problemsOf(v2).map((p) => p.path)).toEqual(['$.statements[0].stance']);
    // A valid stance that may not be hedged is still named.
    expect(problemsOf(v1.replace('NOPE', 'DENIES'))).toEqual([expect.objectContaining({ path: '$.statements[0].hedge', got: '"maybe" on DENIES' })]);
  });

  it('says "nothing" for a field left out, never "undefined"', () => {
    expect(problemsOf('{"version":2}')).toEqual([{ path: '$.format', expected: '"claimgraph-bundle"', got: 'nothing' }]);
    expect(problemsOf('{"format":"claimgraph-bundle"}')).toEqual([{ path: '$.version', expected: '1 or 2', got: 'nothing' }]);
    const all = problemsOf('{"format":"claimgraph-bundle","version":2,"sources":[{"id":"s"}],"statements":[{"id":"st"}],"links":[{}],"questions":[{}],"ratings":[{}],"assessments":[{}]}');
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((p) => /undefined/.test(p.got))).toEqual([]);
    expect(show(undefined)).toBe('nothing');
  });

  it('writes "an entity", in both versions', () => {
    for (const version of [1, 2]) {
      const problems = problemsOf(`{"format":"claimgraph-bundle","version":${version},"claims":[{"id":"c","text":"t","about":["e1"]}]}`);
      expect(problems).toEqual([expect.objectContaining({ path: '$.claims[0].about[0]', expected: 'the id of an entity in the bundle or the graph' })]);
    }
  });
});
