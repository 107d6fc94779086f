import { checkBundle, parseBundle, type BundleProblem, type KnownIds } from '../../src/graph/bundle';
import { V1_STANCES as STANCES } from '../../src/graph/bundle-v1';
import { SOURCE_KINDS } from '../../src/graph/model';
import { ClaimgraphError } from '../../src/errors';
import { minimal, type Raw } from './minimal-bundle';


/** The problems of the minimal bundle after `edit`. */
const problemsAfter = (edit: (b: Raw) => void, known?: KnownIds): BundleProblem[] => {
  const b = minimal();
  edit(b);
  return checkBundle(b, known).problems;
};

/** Asserts there is exactly one problem, at `path` in the record `id`, saying what was expected and what came. */
const expectOneProblem = (problems: BundleProblem[], path: string, expected: RegExp, got: RegExp | string, id?: string): void => {
  expect(problems).toHaveLength(1);
  expect(problems[0]).toEqual({ path, expected: expect.stringMatching(expected), got: typeof got === 'string' ? got : expect.stringMatching(got), ...(id === undefined ? {} : { id }) });
};

describe('checkBundle: a valid bundle', () => {
  test('passes with zero problems', () => {
    expect(checkBundle(minimal()).problems).toEqual([]);
  });

  test('fills omitted optional fields with null or []', () => {
    const { bundle } = checkBundle(minimal());
    expect(bundle.sources[0]).toMatchObject({ count: null, description: null, aliases: [] });
    expect(bundle.affiliations[0]?.role).toBeNull();
    expect(bundle.documents[0]).toMatchObject({ publisher: null, url: null, publishedAt: null, note: null });
    expect(bundle.claims[1]?.about).toEqual([]);
    // Version 1 is upgraded: the statement's words moved into its appearance in its document; t1 relayed
    // t2 on its own claim, so it is derived from t2 (bundle-v1-upgrade.test.ts has the rules).
    expect(bundle.statements[0]).toMatchObject({ quote: null, paraphrase: null, hedge: null, hedged: false, madeAt: null, date: null, derivedFrom: 't2' });
    expect(bundle.statements[0]?.appearances).toEqual([{ document: 'd1', quote: null, paraphrase: null, via: [], selector: null }]);
  });

  test('accepts a bundle with only format and version, every section empty', () => {
    const { bundle, problems } = checkBundle({ format: 'claimgraph-bundle', version: 1 });
    expect(problems).toEqual([]);
    expect(bundle.statements).toEqual([]);
  });

  test('accepts hedging words on a HEDGES statement', () => {
    expect(problemsAfter((b) => Object.assign(b.statements[0], { stance: 'HEDGES', hedge: 'possibly' }))).toEqual([]);
  });
});

describe('checkBundle: each invalid value is reported at its path', () => {
  test('an unknown stance, listing the stances allowed', () => {
    const problems = problemsAfter((b) => (b.statements[0].stance = 'CLAIMS'));
    expectOneProblem(problems, '$.statements[0].stance', new RegExp(STANCES.join('.*')), /"CLAIMS"/, 't1');
  });

  test('an unknown source kind, listing the kinds allowed', () => {
    const problems = problemsAfter((b) => (b.sources[0].kind = 'ROBOT'));
    expectOneProblem(problems, '$.sources[0].kind', new RegExp(SOURCE_KINDS.join('.*')), /"ROBOT"/, 's1');
  });

  test('a statement naming a source that is not in the bundle', () => {
    const problems = problemsAfter((b) => (b.statements[0].source = 's9'));
    expectOneProblem(problems, '$.statements[0].source', /source/, /"s9"/, 't1');
  });

  test('a source that is not in the bundle is accepted when the graph already has it', () => {
    expect(problemsAfter((b) => (b.statements[0].source = 's9'), { sources: new Set(['s9']) })).toEqual([]);
  });

  test('a duplicate id, at the second occurrence', () => {
    const problems = problemsAfter((b) => b.sources.push({ ...b.sources[0], name: 'Another Alice' }));
    expectOneProblem(problems, '$.sources[2].id', /not used before/, /duplicate.*"s1"/, 's1');
  });

  test('a quote that is not a string', () => {
    expectOneProblem(problemsAfter((b) => (b.statements[0].quote = 42)), '$.statements[0].quote', /string/, '42', 't1');
  });

  test('a document without a title', () => {
    expectOneProblem(problemsAfter((b) => delete b.documents[0].title), '$.documents[0].title', /non-empty string/, /nothing/, 'd1');
  });

  test('a blank required string is as bad as a missing one', () => {
    expectOneProblem(problemsAfter((b) => (b.claims[0].text = '   ')), '$.claims[0].text', /non-empty string/, /" {3}"/, 'c1');
  });

  test.each([null, [], 'a bundle', 42])('a root that is not an object (%p)', (root) => {
    const { problems } = checkBundle(root);
    expect(problems[0]).toEqual({ path: '$', expected: expect.stringMatching(/object/), got: JSON.stringify(root) });
  });

  test('a wrong format', () => {
    expectOneProblem(problemsAfter((b) => (b.format = 'other-bundle')), '$.format', /"claimgraph-bundle"/, /"other-bundle"/);
  });

  // Version 2 is valid now; any other version is reported first, and the rest is read as version 2.
  test.each([
    [3, '3'],
    ['1', '"1"'],
    [undefined, 'nothing'],
  ])('a wrong version (%p)', (version, got) => {
    expect(problemsAfter((b) => (b.version = version))[0]).toEqual({ path: '$.version', expected: '1 or 2', got });
  });

  test('an unknown field in a record', () => {
    const problems = problemsAfter((b) => (b.statements[0].confidence = 0.9));
    expectOneProblem(problems, '$.statements[0].confidence', /stance/, /unknown field "confidence"/, 't1');
  });

  test('an unknown field at the top level', () => {
    expectOneProblem(problemsAfter((b) => (b.statement = [])), '$.statement', /statements/, /unknown field "statement"/);
  });

  // A coder following today's BUNDLE.md in a file still marked version 1 (FINDINGS.md, F43).
  test.each([
    ['a statement\'s date', (b: Raw) => (b.statements[0].date = '2024-03-23'), '$.statements[0].date', /unknown field "date"/],
    ['a statement\'s appearances', (b: Raw) => (b.statements[0].appearances = []), '$.statements[0].appearances', /unknown field "appearances"/],
    ['a statement\'s supersedes', (b: Raw) => (b.statements[0].supersedes = []), '$.statements[0].supersedes', /unknown field "supersedes"/],
    ['a source\'s entity', (b: Raw) => (b.sources[0].entity = 'e1'), '$.sources[0].entity', /unknown field "entity"/],
    ['a ratings section', (b: Raw) => (b.ratings = []), '$.ratings', /unknown field "ratings"/],
    ['the stance DOUBTS', (b: Raw) => (b.statements[0].stance = 'DOUBTS'), '$.statements[0].stance', '"DOUBTS"'],
    ['the link type IMPLIES', (b: Raw) => (b.links[0].type = 'IMPLIES'), '$.links[0].type', '"IMPLIES"'],
    ['hedging words on a denial', (b: Raw) => { b.statements[0].stance = 'DENIES'; b.statements[0].hedge = 'unlikely'; }, '$.statements[0].hedge', '"unlikely" on DENIES'],
  ])('a version 2 field or value in version 1 (%s) says that version 2 has it', (_, edit, path, got) => {
    const problems = problemsAfter(edit).filter((p) => p.path === path);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.got).toEqual(typeof got === 'string' ? got : expect.stringMatching(got));
    expect(problems[0]?.expected).toMatch(/version 2 has it: write the file as version 2 \("version": 2/);
  });

  test('an unknown field that no version has gets no version 2 hint', () => {
    expect(problemsAfter((b) => (b.statements[0].confidence = 0.9))[0]?.expected).not.toMatch(/version 2/);
  });

  test('hedging words on a statement that does not hedge', () => {
    const problems = problemsAfter((b) => (b.statements[0].hedge = 'believes'));
    expectOneProblem(problems, '$.statements[0].hedge', /HEDGES/, /"believes" on ASSERTS/, 't1');
  });

  test('reportedVia pointing to the statement itself', () => {
    expectOneProblem(problemsAfter((b) => (b.statements[1].reportedVia = 't2')), '$.statements[1].reportedVia', /another statement/, /itself.*"t2"/, 't2');
  });

  test('reportedVia pointing to an unknown statement', () => {
    expectOneProblem(problemsAfter((b) => (b.statements[1].reportedVia = 't9')), '$.statements[1].reportedVia', /statement/, /"t9"/, 't2');
  });

  test('a claim linked to itself', () => {
    expectOneProblem(problemsAfter((b) => (b.links[0].to = 'c1')), '$.links[0].to', /other than/, /"c1"/, 'link CONTRADICTS c1 → c1');
  });

  test.each([
    [0, '0'],
    [-3, '-3'],
    [1.5, '1.5'],
    ['3', '"3"'],
  ])('a count that is not a positive integer (%p)', (count, got) => {
    expectOneProblem(problemsAfter((b) => (b.sources[0].count = count)), '$.sources[0].count', /positive integer/, got, 's1');
  });

  test('a section that is not a list', () => {
    expectOneProblem(problemsAfter((b) => (b.links = { type: 'SUPPORTS' })), '$.links', /list/, '{"type":"SUPPORTS"}');
  });
});

describe('checkBundle reports every problem at once', () => {
  test('four independent mistakes give four problems, one per path', () => {
    const problems = problemsAfter((b) => {
      b.statements[0].stance = 'CLAIMS';
      b.sources[1].kind = 'ROBOT';
      delete b.documents[0].title;
      b.links[0].to = 'c1';
    });
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['$.documents[0].title', '$.links[0].to', '$.sources[1].kind', '$.statements[0].stance'],
    );
  });
});

describe('parseBundle', () => {
  test('returns the checked bundle when it is valid', () => {
    expect(parseBundle(minimal())).toEqual(checkBundle(minimal()).bundle);
  });

  test('throws BAD_USER_INPUT naming every path, with the full list in details', () => {
    const bad = minimal();
    bad.statements[0].stance = 'CLAIMS';
    bad.sources[0].count = -1;
    const error = captureError(() => parseBundle(bad));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/2 problem/);
    expect(error.message).toContain('$.statements[0].stance');
    expect(error.message).toContain('$.sources[0].count');
    expect(error.details?.problems).toEqual(checkBundle(bad).problems);
  });

  test('shortens a long message but keeps every problem in details', () => {
    const bad = minimal();
    bad.statements = Array.from({ length: 25 }, (_, i) => ({ id: `t${i}`, source: 's1', claim: 'c1', stance: 'CLAIMS' }));
    const error = captureError(() => parseBundle(bad));
    expect(error.message).toContain('$.statements[19].stance');
    expect(error.message).not.toContain('$.statements[20].stance');
    expect(error.message).toMatch(/and 5 more/);
    expect(error.details?.problems).toHaveLength(25);
  });
});

function captureError(fn: () => unknown): ClaimgraphError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimgraphError);
    return error as ClaimgraphError;
  }
  throw new Error('expected a ClaimgraphError, nothing was thrown');
}

describe('chains that loop', () => {
  const src = (id: string) => ({ id, name: id, kind: 'PERSON', anonymous: false });
  const st = (id: string, reportedVia: string | null) => ({ id, source: 's', claim: 'c', stance: 'ASSERTS', reportedVia });
  const base = { format: 'claimgraph-bundle', version: 1, claims: [{ id: 'c', text: 'C' }] };

  it('rejects an affiliation cycle, at the affiliation that closes it', () => {
    const { problems } = checkBundle({ ...base, sources: [src('a'), src('b'), src('c')], affiliations: [{ source: 'a', parent: 'b' }, { source: 'b', parent: 'c' }, { source: 'c', parent: 'a' }] });
    expect(problems.map((p) => p.path)).toEqual(['$.affiliations[0]', '$.affiliations[1]', '$.affiliations[2]']);
    expect(problems[0]).toEqual({ path: '$.affiliations[0]', expected: 'affiliations without a cycle', got: '"a" is, through "b", affiliated with itself', id: 'affiliation a → b' });
  });

  it('rejects reported speech that loops back to itself', () => {
    const { problems } = checkBundle({ ...base, sources: [src('s')], statements: [st('t1', 't2'), st('t2', 't1'), st('t3', 't1')] });
    expect(problems).toEqual([
      { path: '$.statements[0].reportedVia', expected: 'a chain of relays that ends', got: 'a loop back to "t1"', id: 't1' },
      { path: '$.statements[1].reportedVia', expected: 'a chain of relays that ends', got: 'a loop back to "t2"', id: 't2' },
    ]);
  });

  it('accepts a chain that ends', () => {
    expect(checkBundle({ ...base, sources: [src('s')], statements: [st('t1', 't2'), st('t2', 't3'), st('t3', null)] }).problems).toEqual([]);
  });
});

describe('long chains', () => {
  it('checks a 20,000-link affiliation chain, and the loop that closes it, without exhausting the stack', () => {
    const n = 20_000;
    const sources = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `S${i}`, kind: 'GROUP', anonymous: false }));
    const chain = Array.from({ length: n - 1 }, (_, i) => ({ source: `s${i}`, parent: `s${i + 1}` }));
    const base = { format: 'claimgraph-bundle', version: 1, sources };
    expect(checkBundle({ ...base, affiliations: chain }).problems).toEqual([]);
    const looped = checkBundle({ ...base, affiliations: [...chain, { source: `s${n - 1}`, parent: 's0' }] }).problems;
    expect(looped).toHaveLength(n);
    expect(looped.every((p) => p.expected === 'affiliations without a cycle')).toBe(true);
  });

  it('checks a 20,000-statement relay chain and its loop', () => {
    const n = 20_000;
    const statements = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, source: 's', claim: 'c', stance: 'ASSERTS', reportedVia: i + 1 < n ? `t${i + 1}` : null }));
    const base = { format: 'claimgraph-bundle', version: 1, sources: [{ id: 's', name: 'S', kind: 'GROUP', anonymous: false }], claims: [{ id: 'c', text: 'C' }] };
    expect(checkBundle({ ...base, statements }).problems).toEqual([]);
    const looped = checkBundle({ ...base, statements: [...statements.slice(0, -1), { ...statements[n - 1]!, reportedVia: 't0' }] }).problems;
    expect(looped).toHaveLength(n);
  });
});
