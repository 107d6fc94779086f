import { checkBundle, checkShapes, derivedAssessmentId, derivedRatingId, parseBundle, throwProblems, type BundleProblem, type KnownIds } from '../../src/graph/bundle';
import { DATE_TIME_FORMS, PARTIAL_DATE_FORMS } from '../../src/graph/bundle-common';
import { ClaimgraphError } from '../../src/errors';
import { minimalV2, type Raw } from './minimal-bundle';

/*
 * Format version 2: every rule of docs/BUNDLE.md, each with the exact
 * problem it gives (path, record, expected, got).
 */

const problemsAfter = (edit: (b: Raw) => void, known?: KnownIds): BundleProblem[] => {
  const b = minimalV2();
  edit(b);
  return checkBundle(b, known).problems;
};

/** The one problem there is. */
const only = (problems: BundleProblem[]): BundleProblem | undefined => {
  expect(problems).toHaveLength(1);
  return problems[0];
};

const st = (b: Raw, i: number): Raw => b.statements[i];

describe('a valid version 2 bundle', () => {
  test('passes with zero problems and no notes', () => {
    expect(checkBundle(minimalV2())).toMatchObject({ problems: [], notes: [] });
  });

  test('fills omitted optional fields with null, false or []', () => {
    const { bundle } = checkBundle(minimalV2());
    expect(bundle.version).toBe(2);
    expect(bundle.sources[0]).toMatchObject({ count: null, description: null, aliases: [], formerIds: [] });
    expect(bundle.documents[0]).toMatchObject({ publisher: null, url: null, publishedAt: null, note: null, text: null, formerIds: [] });
    expect(bundle.statements[1]).toEqual({
      id: 't2', source: 's2', claim: 'c1', stance: 'ASSERTS', hedged: false, hedge: null, date: null, madeAt: null, quote: null, paraphrase: null,
      appearances: [], derivedFrom: null, supersedes: [], formerIds: [], recorded: null,
    });
    expect(bundle.statements[0]?.appearances).toEqual([{ document: 'd1', quote: null, paraphrase: null, via: [], selector: null }]);
    expect(bundle.questions[0]).toEqual({ id: 'q1', text: 'What happened?', hypotheses: ['c1', 'c2'], cells: [], recorded: null });
  });

  test('accepts only format and version', () => {
    expect(checkBundle({ format: 'claimgraph-bundle', version: 2 }).problems).toEqual([]);
  });

  test('reads each via step as {source, document}, from a source id or an object', () => {
    const b = minimalV2();
    b.documents.push({ id: 'd2', title: 'The agency wire' });
    st(b, 1).appearances = [{ document: 'd1', via: ['s1', { source: 's2', document: 'd2' }, { source: 's1' }] }];
    const { bundle, problems } = checkBundle(b);
    expect(problems).toEqual([]);
    expect(bundle.statements[1]?.appearances[0]?.via).toEqual([
      { source: 's1', document: null },
      { source: 's2', document: 'd2' },
      { source: 's1', document: null },
    ]);
  });

  test.each(['2021', '2021-09', '2021-09-17', '2021-09-17T14:05Z', '2021-09-17T14:05:30+02:00', '2021-09-17T14:05:30.125-05:30', '2021-09-17T14:05'])(
    'accepts the date %p',
    (date) => {
      expect(problemsAfter((b) => (st(b, 0).date = date))).toEqual([]);
      expect(problemsAfter((b) => (b.documents[0].publishedAt = date))).toEqual([]);
    },
  );
});

describe('stances and hedges', () => {
  const read = (edit: (s: Raw) => void) => {
    const b = minimalV2();
    edit(st(b, 0));
    const { bundle, problems } = checkBundle(b);
    return { statement: bundle.statements[0], problems };
  };

  test('HEDGES is shorthand for ASSERTS, hedged, keeping the hedging words', () => {
    const { statement, problems } = read((s) => Object.assign(s, { stance: 'HEDGES', hedge: 'believes' }));
    expect(problems).toEqual([]);
    expect(statement).toMatchObject({ stance: 'ASSERTS', hedged: true, hedge: 'believes' });
  });

  test('HEDGES without words, and with hedged: true, is a hedge', () => {
    expect(read((s) => (s.stance = 'HEDGES')).statement).toMatchObject({ stance: 'ASSERTS', hedged: true, hedge: null });
    expect(read((s) => Object.assign(s, { stance: 'HEDGES', hedged: true })).problems).toEqual([]);
  });

  test('DOUBTS is shorthand for DENIES, hedged: a doubt', () => {
    const { statement, problems } = read((s) => Object.assign(s, { stance: 'DOUBTS', hedge: 'no information to corroborate' }));
    expect(problems).toEqual([]);
    expect(statement).toMatchObject({ stance: 'DENIES', hedged: true, hedge: 'no information to corroborate' });
    expect(read((s) => (s.stance = 'DOUBTS')).statement).toMatchObject({ stance: 'DENIES', hedged: true, hedge: null });
    expect(only(read((s) => Object.assign(s, { stance: 'DOUBTS', hedged: false })).problems)).toEqual({
      path: '$.statements[0].hedged', id: 't1', expected: 'true or nothing on a DOUBTS statement (DOUBTS is DENIES, hedged)', got: 'false',
    });
  });

  test('hedging words make a statement hedged; a hedged denial is a doubt', () => {
    expect(read((s) => (s.hedge = 'we believe')).statement).toMatchObject({ stance: 'ASSERTS', hedged: true, hedge: 'we believe' });
    const doubt = read((s) => Object.assign(s, { stance: 'DENIES', hedge: 'no longer confident' }));
    expect(doubt.problems).toEqual([]);
    expect(doubt.statement).toMatchObject({ stance: 'DENIES', hedged: true, hedge: 'no longer confident' });
    expect(read((s) => Object.assign(s, { stance: 'DENIES', hedged: true })).statement).toMatchObject({ hedged: true, hedge: null });
  });

  test('hedged: false with hedging words', () => {
    expect(only(read((s) => Object.assign(s, { hedged: false, hedge: 'possibly' })).problems)).toEqual({
      path: '$.statements[0].hedge', id: 't1', expected: 'no hedging words on a statement with hedged: false', got: '"possibly" with hedged: false',
    });
  });

  test('HEDGES with hedged: false', () => {
    expect(only(read((s) => Object.assign(s, { stance: 'HEDGES', hedged: false })).problems)).toEqual({
      path: '$.statements[0].hedged', id: 't1', expected: 'true or nothing on a HEDGES statement (HEDGES is ASSERTS, hedged)', got: 'false',
    });
  });

  test('hedging words on a silence', () => {
    expect(only(read((s) => Object.assign(s, { stance: 'NO_RESPONSE', hedge: 'perhaps' })).problems)).toEqual({
      path: '$.statements[0].hedge', id: 't1', expected: 'hedging words only on an ASSERTS or DENIES statement', got: '"perhaps" on NO_RESPONSE',
    });
  });

  test('hedged: true on a withdrawal', () => {
    expect(only(read((s) => Object.assign(s, { stance: 'WITHDRAWS', hedged: true })).problems)).toEqual({
      path: '$.statements[0].hedged', id: 't1', expected: 'hedged only on an ASSERTS or DENIES statement', got: 'true on WITHDRAWS',
    });
  });

  test('hedged that is not a boolean', () => {
    expect(only(read((s) => (s.hedged = 'yes')).problems)).toEqual({ path: '$.statements[0].hedged', id: 't1', expected: 'true, false or null', got: '"yes"' });
  });

  test('an unknown stance lists every stance, HEDGES and DOUBTS too, and adds no hedge problem', () => {
    expect(only(read((s) => Object.assign(s, { stance: 'CLAIMS', hedge: 'maybe' })).problems)).toEqual({
      path: '$.statements[0].stance', id: 't1', expected: 'one of ASSERTS, DENIES, WITHDRAWS, NO_RESPONSE, NOT_ACKNOWLEDGED, HEDGES, DOUBTS', got: '"CLAIMS"',
    });
  });
});

describe('values of one record', () => {
  test('a date that is not an ISO 8601 partial date', () => {
    expect(only(problemsAfter((b) => (st(b, 0).date = 'Sunday')))).toEqual({ path: '$.statements[0].date', id: 't1', expected: `${PARTIAL_DATE_FORMS}, or null`, got: '"Sunday"' });
    expect(PARTIAL_DATE_FORMS).toMatch(/YYYY, YYYY-MM, YYYY-MM-DD/);
  });

  test('a date-time with a space is refused by a message that says the zone may be left out, not that it is required', () => {
    const problem = only(problemsAfter((b) => (st(b, 0).date = '2022-11-16 00:01')));
    expect(problem).toMatchObject({ path: '$.statements[0].date', got: '"2022-11-16 00:01"' });
    expect(problem?.expected).toContain('YYYY-MM-DDTHH:MM[:SS[.fff]], optionally followed by Z or ±HH:MM (UTC when the zone is left out)');
    expect(DATE_TIME_FORMS).toContain('optionally followed by Z or ±HH:MM');
  });

  test.each(['2021-02-30', '2021-13', '17 September 2021', '2021-09-17T25:00Z', '2021-9-17', '21-09-17'])('the date %p is refused', (date) => {
    expect(only(problemsAfter((b) => (st(b, 0).date = date)))).toMatchObject({ path: '$.statements[0].date', got: JSON.stringify(date) });
  });

  test('a publishedAt that is not an ISO 8601 partial date', () => {
    expect(only(problemsAfter((b) => (b.documents[0].publishedAt = 'last week')))).toEqual({
      path: '$.documents[0].publishedAt', id: 'd1', expected: `${PARTIAL_DATE_FORMS}, or null`, got: '"last week"',
    });
  });

  test('an unknown field in a statement, an appearance, a via step, a selector', () => {
    expect(only(problemsAfter((b) => (st(b, 0).printedIn = 'd1')))).toEqual({
      path: '$.statements[0].printedIn', id: 't1', expected: expect.stringMatching(/^one of the fields id, source, claim, stance, hedged, hedge, date, madeAt/), got: 'unknown field "printedIn"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].page = 3)))).toEqual({
      path: '$.statements[0].appearances[0].page', id: 't1', expected: 'one of the fields document, quote, paraphrase, via, selector, retracted', got: 'unknown field "page"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].via = [{ source: 's2', via: 's1' }])))).toEqual({
      path: '$.statements[0].appearances[0].via[0].via', id: 't1', expected: 'one of the fields source, document', got: 'unknown field "via"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].selector = { exact: 'x', start: 3 })))).toEqual({
      path: '$.statements[0].appearances[0].selector.start', id: 't1', expected: 'one of the fields exact, prefix, suffix', got: 'unknown field "start"',
    });
  });

  test('a version 1 `document` on a statement is read as one appearance (a habit, not an error)', () => {
    const b = minimalV2();
    st(b, 1).document = 'd1';
    st(b, 1).quote = 'It happened.';
    const { bundle, problems } = checkBundle(b);
    expect(problems).toEqual([]);
    expect(bundle.statements[1]?.appearances).toEqual([{ document: 'd1', quote: null, paraphrase: null, via: [], selector: null }]);
    expect(bundle.statements[1]?.quote).toBe('It happened.');
    // Naming a document an appearance names already adds nothing.
    const again = minimalV2();
    st(again, 0).document = 'd1';
    expect(checkBundle(again).bundle.statements[0]?.appearances).toHaveLength(1);
    // The shorthand is a reference like any other.
    expect(only(problemsAfter((x) => (st(x, 1).document = 'd9')))).toMatchObject({ path: '$.statements[1].document', id: 't2', got: expect.stringContaining('d9') });
  });

  test('a version 1 `reportedVia` in version 2 is refused with what replaces it', () => {
    expect(only(problemsAfter((b) => (st(b, 1).reportedVia = 't1')))).toEqual({
      path: '$.statements[1].reportedVia', id: 't2', expected: expect.stringMatching(/^no reportedVia in version 2: .*appearance's `via`.*`derivedFrom`/), got: '"t1"',
    });
  });

  test('a blank string in an appearance, and one with an unpaired surrogate', () => {
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].quote = ' ')))).toEqual({
      path: '$.statements[0].appearances[0].quote', id: 't1', expected: 'a non-empty string or null', got: '" "',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].paraphrase = 'half \ud83d of an emoji')))).toEqual({
      path: '$.statements[0].appearances[0].paraphrase', id: 't1', expected: 'well-formed Unicode text (no unpaired surrogate)', got: '"half \\ud83d of an emoji"',
    });
  });

  test('appearances that are not a list, an appearance that is not an object, one without a document', () => {
    expect(only(problemsAfter((b) => (st(b, 0).appearances = { document: 'd1' })))).toEqual({
      path: '$.statements[0].appearances', id: 't1', expected: 'a list of appearances {document, quote?, paraphrase?, via?, selector?, retracted?}', got: '{"document":"d1"}',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances = ['d1'])))).toEqual({
      path: '$.statements[0].appearances[0]', id: 't1', expected: 'an appearance {document, quote?, paraphrase?, via?, selector?, retracted?}', got: '"d1"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances = [{ quote: 'Yes.' }])))).toEqual({
      path: '$.statements[0].appearances[0].document', id: 't1', expected: 'a non-empty string', got: 'nothing',
    });
  });

  test('a via that is not a list, a step that is neither an id nor an object, a step without a source', () => {
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].via = 's2')))).toEqual({
      path: '$.statements[0].appearances[0].via', id: 't1', expected: 'a list of intermediaries, outermost first: source ids or {source, document?}', got: '"s2"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].via = [42])))).toEqual({
      path: '$.statements[0].appearances[0].via[0]', id: 't1', expected: 'a source id, or {source, document?}', got: '42',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].via = [{ document: 'd1' }])))).toEqual({
      path: '$.statements[0].appearances[0].via[0].source', id: 't1', expected: 'a non-empty string', got: 'nothing',
    });
  });

  test('a selector that is not an object, one without exact words', () => {
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].selector = 'It happened')))).toEqual({
      path: '$.statements[0].appearances[0].selector', id: 't1', expected: 'null or a TextQuoteSelector {exact, prefix?, suffix?}', got: '"It happened"',
    });
    expect(only(problemsAfter((b) => (st(b, 0).appearances[0].selector = { prefix: 'said: ' })))).toEqual({
      path: '$.statements[0].appearances[0].selector.exact', id: 't1', expected: 'a non-empty string', got: 'nothing',
    });
  });

  test('supersedes and formerIds that are not lists of ids', () => {
    expect(only(problemsAfter((b) => (st(b, 1).supersedes = 't1')))).toEqual({ path: '$.statements[1].supersedes', id: 't2', expected: 'a list of non-empty strings', got: '"t1"' });
    expect(only(problemsAfter((b) => (b.claims[0].formerIds = ['c0', 7])))).toEqual({ path: '$.claims[0].formerIds', id: 'c1', expected: 'a list of non-empty strings', got: '["c0",7]' });
  });

  test('a version other than 1 or 2', () => {
    expect(only(problemsAfter((b) => (b.version = 3)))).toEqual({ path: '$.version', expected: '1 or 2', got: '3' });
  });

  test('an unknown section', () => {
    expect(only(problemsAfter((b) => (b.judgements = [])))).toEqual({ path: '$.judgements', expected: expect.stringMatching(/questions, ratings, assessments, changes$/), got: 'unknown field "judgements"' });
  });
});

describe('questions, ratings and assessments', () => {
  test('hypotheses: fewer than two, a repeated one, not a list, a blank one', () => {
    expect(only(problemsAfter((b) => (b.questions[0].hypotheses = ['c1'])))).toEqual({ path: '$.questions[0].hypotheses', id: 'q1', expected: 'at least 2 distinct claim ids (rival hypotheses)', got: '1 claim id(s)' });
    expect(only(problemsAfter((b) => (b.questions[0].hypotheses = ['c1', 'c2', 'c1'])))).toEqual({
      path: '$.questions[0].hypotheses[2]', id: 'q1', expected: 'a claim not listed before', got: '"c1" again (as hypotheses[0])',
    });
    expect(only(problemsAfter((b) => delete b.questions[0].hypotheses))).toEqual({ path: '$.questions[0].hypotheses', id: 'q1', expected: 'a list of at least 2 distinct claim ids', got: 'nothing' });
    expect(only(problemsAfter((b) => (b.questions[0].hypotheses = ['c1', 'c2', ''])))).toEqual({ path: '$.questions[0].hypotheses[2]', id: 'q1', expected: 'a claim id (a non-empty string)', got: '""' });
  });

  const cell = (extra: Raw): Raw => ({ hypothesis: 'c1', cell: 'CONSISTENT', reason: 'Said so.', by: 'editor', at: '2031-03-15T10:00Z', ...extra });

  test('a cell names exactly one piece of evidence', () => {
    expect(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: 't1' }), cell({ claim: 'c2', hypothesis: 'c2' })]))).toEqual([]);
    expect(only(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: 't1', claim: 'c2' })])))).toEqual({
      path: '$.questions[0].cells[0]', id: 'q1', expected: 'exactly one of `statement` or `claim` (the evidence)', got: 'both',
    });
    expect(only(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: null })])))).toEqual({
      path: '$.questions[0].cells[0]', id: 'q1', expected: 'exactly one of `statement` or `claim` (the evidence)', got: 'neither',
    });
  });

  test('the model holds a cell evidence as {kind, id}', () => {
    const b = minimalV2();
    b.questions[0].cells = [cell({ statement: 't1' })];
    expect(checkBundle(b).bundle.questions[0]?.cells[0]).toEqual({ hypothesis: 'c1', evidence: { kind: 'STATEMENT', id: 't1' }, cell: 'CONSISTENT', reason: 'Said so.', by: 'editor', at: '2031-03-15T10:00Z' });
  });

  test('a cell value, a cell time, the same cell twice', () => {
    expect(only(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: 't1', cell: 'YES' })])))).toEqual({
      path: '$.questions[0].cells[0].cell', id: 'q1', expected: 'one of CONSISTENT, INCONSISTENT, NEUTRAL', got: '"YES"',
    });
    expect(only(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: 't1', at: '2031-03-15' })])))).toEqual({
      path: '$.questions[0].cells[0].at', id: 'q1', expected: DATE_TIME_FORMS, got: '"2031-03-15"',
    });
    expect(only(problemsAfter((b) => (b.questions[0].cells = [cell({ statement: 't1' }), cell({ statement: 't1', cell: 'NEUTRAL' })])))).toEqual({
      path: '$.questions[0].cells[1]', id: 'q1', expected: 'one cell per hypothesis and evidence', got: 'hypothesis "c1" and statement "t1" again (as cells[0])',
    });
  });

  test('a rating: grade, time; its problems name it by source and time when it has no id', () => {
    expect(only(problemsAfter((b) => (b.ratings[0].grade = 'G')))).toEqual({
      path: '$.ratings[0].grade', id: 'rating of s1 at 2031-03-14T09:00Z', expected: 'one of A, B, C, D, E, F', got: '"G"',
    });
    expect(only(problemsAfter((b) => (b.ratings[0].at = 'yesterday')))).toEqual({ path: '$.ratings[0].at', id: 'rating of s1 at yesterday', expected: DATE_TIME_FORMS, got: '"yesterday"' });
    expect(only(problemsAfter((b) => Object.assign(b.ratings[0], { id: 'rating-1', grade: 'G' })))).toMatchObject({ id: 'rating-1' });
  });

  test('a rating or an assessment without an id gets one derived from its content, the same every time', () => {
    const { bundle } = checkBundle(minimalV2());
    const rating = bundle.ratings[0]!;
    expect(rating.id).toMatch(/^rating-[0-9a-f]{16}$/);
    expect(rating.id).toBe(derivedRatingId(rating));
    expect(checkBundle(minimalV2()).bundle.ratings[0]?.id).toBe(rating.id);
    const other = minimalV2();
    other.ratings[0].reason = 'Often reliable.';
    expect(checkBundle(other).bundle.ratings[0]?.id).not.toBe(rating.id);
    const assessment = bundle.assessments[0]!;
    expect(assessment.id).toMatch(/^assessment-[0-9a-f]{16}$/);
    expect(assessment.id).toBe(derivedAssessmentId(assessment));
    const given = minimalV2();
    given.ratings[0].id = 'rating-by-hand';
    expect(checkBundle(given).bundle.ratings[0]?.id).toBe('rating-by-hand');
  });

  test('the same rating twice without ids is a duplicate', () => {
    expect(only(problemsAfter((b) => b.ratings.push({ ...b.ratings[0] })))).toEqual({
      path: '$.ratings[1].id', id: 'rating of s1 at 2031-03-14T09:00Z', expected: 'an id not used before in ratings', got: expect.stringMatching(/^duplicate id "rating-[0-9a-f]{16}"$/),
    });
  });

  test.each([
    [0, '0'],
    [6, '6'],
    [2.5, '2.5'],
    ['3', '"3"'],
  ])('an assessment rating of %p', (rating, got) => {
    expect(only(problemsAfter((b) => (b.assessments[0].rating = rating)))).toEqual({
      path: '$.assessments[0].rating', id: 'assessment of c2 at 2031-03-14T09:00Z', expected: 'an integer from 1 (false) to 5 (true)', got,
    });
  });

  test('an assessment verdict, and its URL', () => {
    expect(only(problemsAfter((b) => (b.assessments[0].verdict = 'FAKE')))).toEqual({
      path: '$.assessments[0].verdict', id: 'assessment of c2 at 2031-03-14T09:00Z', expected: 'one of TRUE, MOSTLY_TRUE, MIXED, MOSTLY_FALSE, FALSE, UNVERIFIABLE', got: '"FAKE"',
    });
    expect(only(problemsAfter((b) => (b.assessments[0].url = 'ftp://example.org/x')))).toEqual({
      path: '$.assessments[0].url', id: 'assessment of c2 at 2031-03-14T09:00Z', expected: 'an absolute http or https URL of at most 2000 characters, or null', got: '"ftp://example.org/x"',
    });
    expect(problemsAfter((b) => (b.assessments[0].url = 'https://example.org/fact-check/1'))).toEqual([]);
    for (const url of ['ftp://example.org/x', 'example.org/x', 'https://', 'https://exa mple.org', `https://example.org/${'x'.repeat(2000)}`]) {
      expect(only(problemsAfter((b) => (b.assessments[0].url = url)))).toEqual({
        path: '$.assessments[0].url', id: 'assessment of c2 at 2031-03-14T09:00Z', expected: 'an absolute http or https URL of at most 2000 characters, or null', got: expect.any(String),
      });
    }
  });
});

describe('ids', () => {
  test('a duplicate id, in each section that has ids', () => {
    expect(only(problemsAfter((b) => b.statements.push({ ...st(b, 1) })))).toEqual({ path: '$.statements[2].id', id: 't2', expected: 'an id not used before in statements', got: 'duplicate id "t2"' });
    expect(only(problemsAfter((b) => b.questions.push({ ...b.questions[0] })))).toEqual({ path: '$.questions[1].id', id: 'q1', expected: 'an id not used before in questions', got: 'duplicate id "q1"' });
  });

  test('a former id that is the id of a record of the section', () => {
    expect(only(problemsAfter((b) => (st(b, 0).formerIds = ['t2'])))).toEqual({ path: '$.statements[0].formerIds[0]', id: 't1', expected: "a former id that is no record's id in statements", got: '"t2", an id in statements' });
    expect(only(problemsAfter((b) => (b.sources[0].formerIds = ['s1'])))).toEqual({ path: '$.sources[0].formerIds[0]', id: 's1', expected: "a former id that is no record's id in sources", got: '"s1", an id in sources' });
  });

  test('a former id listed twice', () => {
    expect(only(problemsAfter((b) => Object.assign(b.claims[0], { formerIds: ['c0'] }) && Object.assign(b.claims[1], { formerIds: ['c0'] })))).toEqual({
      path: '$.claims[1].formerIds[0]', id: 'c2', expected: 'a former id not listed before in claims', got: '"c0" again',
    });
  });

  test('the same id in two sections is fine', () => {
    expect(problemsAfter((b) => (b.entities[0].id = 'c1') && (b.claims[0].about = ['c1']))).toEqual([]);
  });

  test('a reference to a former id resolves to its record', () => {
    expect(problemsAfter((b) => {
      b.documents[0].formerIds = ['doc-old'];
      st(b, 0).appearances[0].document = 'doc-old';
      b.claims[1].formerIds = ['claim-old'];
      b.links[0].to = 'claim-old';
    })).toEqual([]);
  });
});

describe('references', () => {
  const unknown = (what: string, id: string) => ({ expected: `the id of ${what === 'entity' ? 'an' : 'a'} ${what} in the bundle or the graph`, got: `unknown ${what} id "${id}"` });

  test.each<[string, (b: Raw) => void, string, string, string, string]>([
    ['an appearance document', (b) => (st(b, 0).appearances[0].document = 'd9'), '$.statements[0].appearances[0].document', 't1', 'document', 'd9'],
    ['a via source', (b) => (st(b, 0).appearances[0].via = ['s2', 's9']), '$.statements[0].appearances[0].via[1]', 't1', 'source', 's9'],
    ['a via object source', (b) => (st(b, 0).appearances[0].via = [{ source: 's9' }]), '$.statements[0].appearances[0].via[0]', 't1', 'source', 's9'],
    ['a via document', (b) => (st(b, 0).appearances[0].via = [{ source: 's2', document: 'd9' }]), '$.statements[0].appearances[0].via[0].document', 't1', 'document', 'd9'],
    ['derivedFrom', (b) => (st(b, 0).derivedFrom = 't9'), '$.statements[0].derivedFrom', 't1', 'statement', 't9'],
    ['supersedes', (b) => (st(b, 0).supersedes = ['t9']), '$.statements[0].supersedes[0]', 't1', 'statement', 't9'],
    ['a hypothesis', (b) => (b.questions[0].hypotheses = ['c1', 'c9']), '$.questions[0].hypotheses[1]', 'q1', 'claim', 'c9'],
    ['a cell statement', (b) => (b.questions[0].cells = [{ hypothesis: 'c1', statement: 't9', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-15T10:00Z' }]), '$.questions[0].cells[0].statement', 'q1', 'statement', 't9'],
    ['a cell claim', (b) => (b.questions[0].cells = [{ hypothesis: 'c1', claim: 'c9', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-15T10:00Z' }]), '$.questions[0].cells[0].claim', 'q1', 'claim', 'c9'],
    ['a rating source', (b) => (b.ratings[0].source = 's9'), '$.ratings[0].source', 'rating of s9 at 2031-03-14T09:00Z', 'source', 's9'],
    ['an assessment claim', (b) => (b.assessments[0].claim = 'c9'), '$.assessments[0].claim', 'assessment of c9 at 2031-03-14T09:00Z', 'claim', 'c9'],
    ['an affiliation parent', (b) => (b.affiliations[0].parent = 's9'), '$.affiliations[0].parent', 'affiliation s1 → s9', 'source', 's9'],
    ['a link end', (b) => (b.links[0].to = 'c9'), '$.links[0].to', 'link CONTRADICTS c1 → c9', 'claim', 'c9'],
    ['a claim about an entity', (b) => (b.claims[0].about = ['e9']), '$.claims[0].about[0]', 'c1', 'entity', 'e9'],
    ['a document publisher', (b) => (b.documents[0].publisher = 's9'), '$.documents[0].publisher', 'd1', 'source', 's9'],
  ])('a dangling reference: %s', (_name, edit, path, id, what, target) => {
    expect(only(problemsAfter(edit))).toEqual({ path, id, ...unknown(what, target) });
    // The same reference is fine when the graph holds the id.
    const kind = `${what === 'entity' ? 'entitie' : what}s` as keyof KnownIds;
    expect(problemsAfter(edit, { [kind]: new Set([target]) })).toEqual([]);
  });

  test('a statement derived from itself, or superseding itself', () => {
    expect(only(problemsAfter((b) => (st(b, 0).derivedFrom = 't1')))).toEqual({ path: '$.statements[0].derivedFrom', id: 't1', expected: 'another statement', got: 'the statement itself ("t1")' });
    expect(only(problemsAfter((b) => (st(b, 0).supersedes = ['t1'])))).toEqual({ path: '$.statements[0].supersedes[0]', id: 't1', expected: 'another statement', got: 'the statement itself ("t1")' });
    expect(only(problemsAfter((b) => Object.assign(st(b, 0), { formerIds: ['t0'], derivedFrom: 't0' })))).toMatchObject({ path: '$.statements[0].derivedFrom', expected: 'another statement' });
  });

  test('a link of any type from a claim to itself', () => {
    expect(only(problemsAfter((b) => Object.assign(b.links[0], { type: 'IMPLIES', to: 'c1' })))).toEqual({ path: '$.links[0].to', id: 'link IMPLIES c1 → c1', expected: 'a claim other than `from`', got: '"c1"' });
  });

  test("a cell about a claim that is not one of the question's hypotheses", () => {
    const b = minimalV2();
    b.claims.push({ id: 'c3', text: 'Something else happened.' });
    b.questions[0].cells = [{ hypothesis: 'c3', statement: 't1', cell: 'NEUTRAL', reason: 'r', by: 'e', at: '2031-03-15T10:00Z' }];
    expect(only(checkBundle(b).problems)).toEqual({ path: '$.questions[0].cells[0].hypothesis', id: 'q1', expected: 'one of the question\'s hypotheses ("c1", "c2")', got: '"c3"' });
  });

  test('an affiliation cycle', () => {
    expect(only(problemsAfter((b) => (b.affiliations = [{ source: 's1', parent: 's2' }, { source: 's2', parent: 's1' }])).slice(1))).toEqual({
      path: '$.affiliations[1]', id: 'affiliation s2 → s1', expected: 'affiliations without a cycle', got: '"s2" is, through "s1", affiliated with itself',
    });
  });
});

describe('appearances and selectors', () => {
  test('two appearances in one document', () => {
    expect(only(problemsAfter((b) => st(b, 0).appearances.push({ document: 'd1', quote: 'Again.' })))).toEqual({
      path: '$.statements[0].appearances[1].document', id: 't1', expected: 'one appearance per document', got: '"d1" again (as appearances[0])',
    });
  });

  const withText = (selector: Raw) => (b: Raw) => {
    b.documents[0].text = 'The minister said: "The bridge is closed for repairs." Engineers disagreed.';
    st(b, 0).appearances[0].selector = selector;
  };

  test('a selector whose words, prefix and suffix stand in the text', () => {
    expect(problemsAfter(withText({ exact: 'The bridge is closed for repairs.', prefix: 'said: "', suffix: '" Engineers' }))).toEqual([]);
    expect(problemsAfter(withText({ exact: 'closed for repairs' }))).toEqual([]);
  });

  test('exact words that are not in the text', () => {
    expect(only(problemsAfter(withText({ exact: 'closed for security' })))).toEqual({
      path: '$.statements[0].appearances[0].selector.exact', id: 't1', expected: 'words that occur in the text of document "d1"', got: '"closed for security", not in its text',
    });
  });

  test('a prefix or a suffix that does not stand right before or after the words', () => {
    expect(only(problemsAfter(withText({ exact: 'closed for repairs', prefix: 'said: ' })))).toEqual({
      path: '$.statements[0].appearances[0].selector', id: 't1', expected: 'the prefix given right before the exact words in the text of document "d1"', got: '"closed for repairs" occurs, but not with the prefix given',
    });
    expect(only(problemsAfter(withText({ exact: 'closed for repairs', prefix: 'bridge is ', suffix: ' Engineers' })))).toMatchObject({
      expected: 'the prefix and suffix given right before and after the exact words in the text of document "d1"', got: '"closed for repairs" occurs, but not with the prefix and suffix given',
    });
  });

  test('a selector is not checked when the document has no text, or is only in the graph', () => {
    expect(problemsAfter((b) => (st(b, 0).appearances[0].selector = { exact: 'anything' }))).toEqual([]);
    expect(problemsAfter((b) => (st(b, 0).appearances[0] = { document: 'd-graph', selector: { exact: 'anything' } }), { documents: new Set(['d-graph']) })).toEqual([]);
  });
});

describe('derivations and revisions', () => {
  const chain = (b: Raw, n: number) => {
    b.statements = Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, source: 's1', claim: 'c1', stance: 'ASSERTS' }));
  };

  test('a loop of derivations is reported at each statement on it', () => {
    const problems = problemsAfter((b) => {
      chain(b, 3);
      st(b, 0).derivedFrom = 't2';
      st(b, 1).derivedFrom = 't1';
      st(b, 2).derivedFrom = 't1';
    });
    expect(problems).toEqual([
      { path: '$.statements[0].derivedFrom', id: 't1', expected: 'a chain of derivations that ends', got: 'a loop back to "t1"' },
      { path: '$.statements[1].derivedFrom', id: 't2', expected: 'a chain of derivations that ends', got: 'a loop back to "t2"' },
    ]);
  });

  test('a loop of revisions is reported at each revision on it', () => {
    const problems = problemsAfter((b) => {
      chain(b, 3);
      st(b, 0).supersedes = ['t2'];
      st(b, 1).supersedes = ['t3'];
      st(b, 2).supersedes = ['t1'];
    });
    expect(problems.map((p) => [p.path, p.id, p.expected])).toEqual([
      ['$.statements[0].supersedes[0]', 't1', 'revisions without a loop'],
      ['$.statements[1].supersedes[0]', 't2', 'revisions without a loop'],
      ['$.statements[2].supersedes[0]', 't3', 'revisions without a loop'],
    ]);
    expect(problems[0]?.got).toBe('"t1" supersedes, through "t2", itself');
  });

  test('a statement supersedes only statements of its own source', () => {
    expect(only(problemsAfter((b) => (st(b, 1).supersedes = ['t1'])))).toEqual({ path: '$.statements[1].supersedes[0]', id: 't2', expected: expect.stringMatching(/^a statement by the same source \("s2"; a source that speaks for another, .* supersedes its statements by date/), got: '"t1", by "s1"' });
  });

  test('a statement may not supersede one dated strictly after it', () => {
    const after = (date1: string | null, date2: string | null) =>
      problemsAfter((b) => {
        chain(b, 2);
        Object.assign(st(b, 0), { date: date1 });
        Object.assign(st(b, 1), { date: date2, supersedes: ['t1'] });
      });
    expect(only(after('2021-10-01', '2021-09-17'))).toEqual({
      path: '$.statements[1].supersedes[0]', id: 't2', expected: 'a statement not dated after this one (said 2021-09-17)', got: '"t1", said 2021-10-01',
    });
    // Overlapping dates, the same day, an undated statement: their order is unknown, which is allowed.
    expect(after('2021-09', '2021-09-17')).toEqual([]);
    expect(after('2021-09-17T10:00Z', '2021-09-17')).toEqual([]);
    expect(after('2021-10-01', null)).toEqual([]);
    expect(after('2021-09-17', '2021-10')).toEqual([]);
  });

  test('an undated statement is dated by the earliest publication of its documents', () => {
    const problems = problemsAfter((b) => {
      chain(b, 2);
      b.documents = [
        { id: 'd1', title: 'Later report', publishedAt: '2021-12' },
        { id: 'd2', title: 'Earlier report', publishedAt: '2021-11-02' },
      ];
      st(b, 0).date = '2021-11-20';
      Object.assign(st(b, 1), { appearances: [{ document: 'd1' }, { document: 'd2' }], supersedes: ['t1'] });
    });
    expect(only(problems)).toEqual({ path: '$.statements[1].supersedes[0]', id: 't2', expected: 'a statement not dated after this one (published 2021-11-02)', got: '"t1", said 2021-11-20' });
  });
});

describe('messages', () => {
  test('throwProblems shows the path, the record and the file', () => {
    const error = captureError(() =>
      throwProblems([
        { path: '$.statements[3].stance', id: 't4', expected: 'one of ASSERTS', got: '"CLAIMS"' },
        { path: '$.affiliations[0]', id: 'affiliation a → b', file: 'case/a.json', expected: 'x', got: 'y' },
        { path: '$.version', expected: '1 or 2', got: '3' },
      ]),
    );
    expect(error.message).toBe(
      'The bundle set has 3 problem(s):\n' +
        '  $.statements[3].stance (id "t4"): expected one of ASSERTS, got "CLAIMS"\n' +
        '  $.affiliations[0] (id "affiliation a → b") in case/a.json: expected x, got y\n' +
        '  $.version: expected 1 or 2, got 3',
    );
  });

  test('parseBundle throws BAD_USER_INPUT with every problem in details', () => {
    const bad = minimalV2();
    st(bad, 0).date = 'Sunday';
    st(bad, 1).derivedFrom = 't9';
    const error = captureError(() => parseBundle(bad));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^The bundle has 2 problem\(s\):\n {2}\$\.statements\[0\]\.date \(id "t1"\): expected an ISO 8601 date/);
    expect(error.details?.problems).toEqual(checkBundle(bad).problems);
  });

  test('shape problems come before the rules across records', () => {
    const problems = problemsAfter((b) => {
      st(b, 1).derivedFrom = 't9';
      b.sources[1].kind = 'ROBOT';
    });
    expect(problems.map((p) => p.path)).toEqual(['$.sources[1].kind', '$.statements[1].derivedFrom']);
  });

  test('checkShapes reads without checking references, and has no notes for version 2', () => {
    const b = minimalV2();
    st(b, 1).derivedFrom = 't9';
    expect(checkShapes(b)).toMatchObject({ problems: [], notes: [] });
  });
});

describe('long chains (the validator stays linear)', () => {
  const base = (statements: Raw[]) => ({
    format: 'claimgraph-bundle',
    version: 2,
    sources: [{ id: 's', name: 'S', kind: 'GROUP', anonymous: false }],
    claims: [{ id: 'c', text: 'C' }],
    statements,
  });
  const n = 20_000;

  test('a 20,000-statement derivation chain, and the loop that closes it', () => {
    const statements = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, source: 's', claim: 'c', stance: 'ASSERTS', derivedFrom: i + 1 < n ? `t${i + 1}` : null }));
    expect(checkBundle(base(statements)).problems).toEqual([]);
    statements[n - 1]!.derivedFrom = 't0';
    expect(checkBundle(base(statements)).problems).toHaveLength(n);
  });

  test('a 20,000-statement revision chain, and the loop that closes it', () => {
    const statements = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, source: 's', claim: 'c', stance: 'ASSERTS', supersedes: i + 1 < n ? [`t${i + 1}`] : [] }));
    expect(checkBundle(base(statements)).problems).toEqual([]);
    statements[n - 1]!.supersedes = ['t0'];
    expect(checkBundle(base(statements)).problems).toHaveLength(n);
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
