import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkBundle, checkShapes } from '../../src/graph/bundle';
import { readV1, upgradeV1, V1_STANCES } from '../../src/graph/bundle-v1';
import type { Bundle, StatementRecord } from '../../src/graph/model';
import type { Raw } from './minimal-bundle';

/*
 * The version 1 → 2 upgrade (docs/BUNDLE.md, "Version 1 and its upgrade"):
 * each rule on a small case, the seed, and a property over generated
 * version 1 bundles.
 */

const person = (id: string): Raw => ({ id, name: id, kind: 'PERSON', anonymous: false });
const outlet = (id: string): Raw => ({ id, name: id, kind: 'ORGANIZATION', anonymous: false });
const doc = (id: string, publisher?: string): Raw => ({ id, title: id, ...(publisher === undefined ? {} : { publisher }) });
const v1 = (parts: Raw): Raw => ({ format: 'claimgraph-bundle', version: 1, ...parts });

/** The upgraded bundle of a valid version 1 bundle, and the notes. */
function upgraded(json: Raw): { bundle: Bundle; notes: string[]; byId: (id: string) => StatementRecord } {
  const { bundle, problems, notes } = checkBundle(json);
  expect(problems).toEqual([]);
  const byId = (id: string): StatementRecord => {
    const s = bundle.statements.find((x) => x.id === id || x.formerIds.includes(id));
    if (s === undefined) throw new Error(`no statement ${id}`);
    return s;
  };
  return { bundle, notes, byId };
}

describe('one statement at a time', () => {
  test('HEDGES becomes ASSERTS, hedged, with its hedging words', () => {
    const { byId } = upgraded(
      v1({
        sources: [person('s1')],
        documents: [doc('d1')],
        claims: [{ id: 'c1', text: 'C' }],
        statements: [{ id: 't1', source: 's1', claim: 'c1', stance: 'HEDGES', hedge: 'believes', quote: 'We believe it happened.', document: 'd1' }],
      }),
    );
    expect(byId('t1')).toEqual({
      id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', hedged: true, hedge: 'believes', date: null, madeAt: null, quote: null, paraphrase: null,
      appearances: [{ document: 'd1', quote: 'We believe it happened.', paraphrase: null, via: [], selector: null }],
      derivedFrom: null, supersedes: [], formerIds: [], recorded: null,
    });
  });

  test('other stances stay, firm; a statement without a document keeps its words', () => {
    const { byId } = upgraded(
      v1({
        sources: [person('s1')],
        claims: [{ id: 'c1', text: 'C' }],
        statements: [{ id: 't1', source: 's1', claim: 'c1', stance: 'DENIES', quote: 'No.', paraphrase: 'He denied it.' }],
      }),
    );
    expect(byId('t1')).toMatchObject({ stance: 'DENIES', hedged: false, quote: 'No.', paraphrase: 'He denied it.', appearances: [] });
  });

  test('madeAt stays the words, and is also the date when it is an ISO 8601 date', () => {
    const { byId } = upgraded(
      v1({
        sources: [person('s1')],
        claims: [{ id: 'c1', text: 'C' }, { id: 'c2', text: 'D' }],
        statements: [
          { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2021-09-17' },
          { id: 't2', source: 's1', claim: 'c2', stance: 'ASSERTS', madeAt: 'Sunday' },
        ],
      }),
    );
    expect(byId('t1')).toMatchObject({ madeAt: '2021-09-17', date: '2021-09-17' });
    expect(byId('t2')).toMatchObject({ madeAt: 'Sunday', date: null });
  });

  test('a publishedAt that is not an ISO 8601 date moves into the note', () => {
    const { bundle, notes } = upgraded(
      v1({
        documents: [
          { id: 'd1', title: 'A', publishedAt: 'Sunday, 17 September 2021' },
          { id: 'd2', title: 'B', publishedAt: 'mid-September', note: 'Title supplied by an editor.' },
          { id: 'd3', title: 'C', publishedAt: '2021-09-17T14:05Z' },
        ],
      }),
    );
    expect(bundle.documents.map((d) => [d.publishedAt, d.note])).toEqual([
      [null, 'Published (as given): Sunday, 17 September 2021'],
      [null, 'Title supplied by an editor.\nPublished (as given): mid-September'],
      ['2021-09-17T14:05Z', null],
    ]);
    expect(notes).toEqual([
      '$.documents[0] (id "d1"): publishedAt "Sunday, 17 September 2021" is not an ISO 8601 date; it is moved into the note ("Published (as given): Sunday, 17 September 2021") and the document has no publishedAt.',
      '$.documents[1] (id "d2"): publishedAt "mid-September" is not an ISO 8601 date; it is moved into the note ("Published (as given): mid-September") and the document has no publishedAt.',
    ]);
  });

  test('sources, entities and claims gain empty formerIds; links and affiliations stay as they were', () => {
    const json = v1({
      sources: [person('s1'), outlet('s2')],
      affiliations: [{ source: 's1', parent: 's2', role: 'reporter' }],
      entities: [{ id: 'e1', name: 'E', aliases: ['Eee'] }],
      claims: [{ id: 'c1', text: 'C', about: ['e1'] }, { id: 'c2', text: 'D' }],
      links: [{ type: 'SUPPORTS', from: 'c1', to: 'c2', linkedBy: 'ed', reason: 'r' }],
    });
    const { bundle } = upgraded(json);
    expect(bundle.sources[0]).toEqual({ ...person('s1'), count: null, description: null, aliases: [], recorded: null, formerIds: [] });
    expect(bundle.entities[0]).toMatchObject({ aliases: ['Eee'], formerIds: [] });
    expect(bundle.claims[0]).toMatchObject({ about: ['e1'], formerIds: [] });
    expect(bundle.affiliations).toEqual([{ source: 's1', parent: 's2', role: 'reporter', recorded: null }]);
    expect(bundle.links).toEqual([{ type: 'SUPPORTS', from: 'c1', to: 'c2', linkedBy: 'ed', reason: 'r', recorded: null }]);
    expect(bundle).toMatchObject({ version: 2, questions: [], ratings: [], assessments: [] });
  });

  test('upgradeV1 on what readV1 read gives what checkShapes gives', () => {
    // The seed's version 1 coding (the seed itself is version 2 now).
    const json = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'dumayr-v1.bundle.json'), 'utf8'));
    const { bundle, notes } = checkShapes(json);
    expect(upgradeV1(readV1(json).v1)).toEqual({ bundle, notes });
  });
});

describe('reported speech: relay chains become via, and derivedFrom where version 1 counted one source', () => {
  // "AFP, citing Reuters, citing officials", in an AFP document.
  const agencies = (reuters: Raw, extra: Raw[] = []): Raw =>
    v1({
      sources: [outlet('src-afp'), outlet('src-reuters'), { id: 'src-officials', name: 'Officials', kind: 'GROUP', anonymous: true }],
      documents: [doc('doc-afp', 'src-afp'), doc('doc-reuters', 'src-reuters')],
      claims: [{ id: 'c-strike', text: 'The strike killed a commander.' }, { id: 'c-other', text: 'Something else.' }],
      statements: [
        { id: 'st-officials', source: 'src-officials', claim: 'c-strike', stance: 'ASSERTS', paraphrase: 'Officials said the strike killed a commander.', document: 'doc-afp', reportedVia: 'st-reuters' },
        { id: 'st-reuters', source: 'src-reuters', claim: 'c-strike', stance: 'ASSERTS', ...reuters },
        ...extra,
      ],
    });

  test("the relayed statement's appearance lists the relays, outermost first", () => {
    const { byId, notes } = upgraded(agencies({ document: 'doc-afp' }));
    expect(byId('st-officials').appearances).toEqual([
      { document: 'doc-afp', quote: null, paraphrase: 'Officials said the strike killed a commander.', via: [{ source: 'src-reuters', document: null }], selector: null },
    ]);
    // Reuters relayed only the officials on its own claim: derived from them (version 1 counted them as one).
    expect(byId('st-reuters').derivedFrom).toBe('st-officials');
    expect(notes).toEqual([]);
  });

  test("a relay whose statement was reported in another document is a step {source, document}; a chain of two, outermost first", () => {
    const { byId } = upgraded(agencies({ document: 'doc-reuters', reportedVia: 'st-afp' }, [{ id: 'st-afp', source: 'src-afp', claim: 'c-strike', stance: 'ASSERTS', document: 'doc-afp' }]));
    expect(byId('st-officials').appearances[0]?.via).toEqual([
      { source: 'src-afp', document: null },
      { source: 'src-reuters', document: 'doc-reuters' },
    ]);
    expect(byId('st-reuters').appearances[0]).toMatchObject({ document: 'doc-reuters', via: [{ source: 'src-afp', document: 'doc-afp' }] });
    // Each relay derives from what it relayed: the origin of all three is the officials' statement.
    expect([byId('st-reuters').derivedFrom, byId('st-afp').derivedFrom]).toEqual(['st-officials', 'st-reuters']);
  });

  test('a relayed statement without a document appears in the first document of its relay chain', () => {
    const json = agencies({ document: 'doc-afp' });
    delete json.statements[0].document;
    expect(upgraded(json).byId('st-officials').appearances).toEqual([
      { document: 'doc-afp', quote: null, paraphrase: 'Officials said the strike killed a commander.', via: [{ source: 'src-reuters', document: null }], selector: null },
    ]);
  });

  test('with no document anywhere on the chain, the relay is not kept, and a note says so', () => {
    const json = agencies({});
    delete json.statements[0].document;
    const { byId, notes } = upgraded(json);
    expect(byId('st-officials')).toMatchObject({ appearances: [], paraphrase: 'Officials said the strike killed a commander.' });
    expect(notes).toEqual([
      '$.statements[0] (id "st-officials"): neither it nor its relay chain names a document, so its relay "st-reuters" is not kept (an intermediary is recorded only on an appearance in a document).',
    ]);
  });

  test('a paper quoting two speakers stays its own statement: they stay independent, with a note', () => {
    const { byId, notes } = upgraded(
      v1({
        sources: [outlet('src-paper'), { id: 'src-family', name: 'The family', kind: 'GROUP', anonymous: false }, { id: 'src-official', name: 'An official', kind: 'PERSON', anonymous: true }],
        documents: [doc('doc-paper', 'src-paper')],
        claims: [{ id: 'c-civilian', text: 'The man killed was a civilian.' }],
        statements: [
          { id: 'st-paper', source: 'src-paper', claim: 'c-civilian', stance: 'ASSERTS', paraphrase: 'The paper reported he was a civilian.', document: 'doc-paper' },
          { id: 'st-family', source: 'src-family', claim: 'c-civilian', stance: 'ASSERTS', quote: 'He was a teacher.', document: 'doc-paper', reportedVia: 'st-paper' },
          { id: 'st-official', source: 'src-official', claim: 'c-civilian', stance: 'ASSERTS', paraphrase: 'An official confirmed it.', document: 'doc-paper', reportedVia: 'st-paper' },
        ],
      }),
    );
    expect(byId('st-paper').derivedFrom).toBeNull();
    expect(byId('st-family').appearances[0]?.via).toEqual([{ source: 'src-paper', document: null }]);
    expect(byId('st-official').appearances[0]?.via).toEqual([{ source: 'src-paper', document: null }]);
    expect([byId('st-family').derivedFrom, byId('st-official').derivedFrom]).toEqual([null, null]);
    expect(notes).toEqual([
      '$.statements[0] (id "st-paper"): it relays, on its own claim, statements of 2 sources ("src-family", "src-official"): it stays its own statement, derived from none of them, and they count as independent of each other (version 1 counted them as one cluster).',
    ]);
  });

  test('a relay on another claim stays its own statement, with a note (the seed: a mother recounting her son)', () => {
    const { byId, notes } = upgraded(agencies({ document: 'doc-afp', claim: 'c-other' }));
    expect(byId('st-reuters').derivedFrom).toBeNull();
    expect(byId('st-officials').appearances[0]?.via).toEqual([{ source: 'src-reuters', document: null }]);
    expect(notes).toEqual([
      '$.statements[1] (id "st-reuters"): it relays "st-officials", on another claim: it stays its own statement, and what it relays appears via its source (as in version 1, the two sources are counted apart).',
    ]);
  });

  test('the seed: Tripp derives from the US designation; the son appears via his mother', () => {
    const seed = JSON.parse(readFileSync(join(__dirname, '..', 'seed', 'dumayr-v1.bundle.json'), 'utf8'));
    const { byId, notes, bundle } = upgraded(seed);
    expect(bundle.statements).toHaveLength(seed.statements.length);
    expect(byId('st-tripp-asserts-us-mistakes').derivedFrom).toBe('st-us-government-designated-mistakes');
    expect(byId('st-us-government-designated-mistakes').appearances[0]?.via).toEqual([{ source: 'src-emily-tripp', document: null }]);
    expect(byId('st-al-masoud-asserts-general-security-member').appearances[0]?.via).toEqual([{ source: 'src-sabah-al-sheikh-al-kilani', document: null }]);
    expect(byId('st-mother-asserts-identified-himself').derivedFrom).toBeNull();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^\$\.statements\[\d+\] \(id "st-mother-asserts-identified-himself"\): it relays "st-al-masoud-asserts-general-security-member", on another claim/);
  });
});

describe('copies: one utterance printed several times', () => {
  const official = (id: string, extra: Raw): Raw => ({ id, source: 'src-official', claim: 'c1', stance: 'ASSERTS', ...extra });
  const bundleOf = (statements: Raw[]): Raw =>
    v1({
      sources: [person('src-official')],
      documents: [doc('doc-reuters'), doc('doc-afp'), doc('doc-bbc')],
      claims: [{ id: 'c1', text: 'He was a commander.' }, { id: 'c2', text: 'He was a civilian.' }],
      statements,
    });

  test('the same quote: merged into the smallest id, the others as formerIds, appearances united', () => {
    const { bundle, byId, notes } = upgraded(
      bundleOf([
        official('t-b', { quote: 'He was a commander.', document: 'doc-reuters' }),
        official('t-a', { quote: 'He was a commander.', document: 'doc-afp' }),
        official('t-c', { quote: 'He was a commander.', document: 'doc-bbc', madeAt: 'Sunday' }),
      ]),
    );
    expect(bundle.statements).toHaveLength(1);
    expect(byId('t-b')).toEqual({
      id: 't-a', source: 'src-official', claim: 'c1', stance: 'ASSERTS', hedged: false, hedge: null, date: null, madeAt: 'Sunday', quote: null, paraphrase: null,
      appearances: [
        { document: 'doc-afp', quote: 'He was a commander.', paraphrase: null, via: [], selector: null },
        { document: 'doc-reuters', quote: 'He was a commander.', paraphrase: null, via: [], selector: null },
        { document: 'doc-bbc', quote: 'He was a commander.', paraphrase: null, via: [], selector: null },
      ],
      derivedFrom: null, supersedes: [], formerIds: ['t-b', 't-c'], recorded: null,
    });
    expect(notes).toEqual([
      '$.statements[1] (id "t-a"): "t-b", "t-c" are copies of it (same source, claim and position, same quote): merged into one statement, with those ids as formerIds and 3 appearance(s).',
    ]);
  });

  test('the same madeAt, and copies of copies', () => {
    const { bundle, byId } = upgraded(
      bundleOf([
        official('t1', { paraphrase: 'He said he was a commander.', madeAt: 'Sunday', document: 'doc-reuters' }),
        official('t2', { quote: 'A commander.', madeAt: 'Sunday', document: 'doc-afp' }),
        official('t3', { quote: 'A commander.', document: 'doc-bbc' }),
      ]),
    );
    expect(bundle.statements).toHaveLength(1);
    expect(byId('t3')).toMatchObject({ id: 't1', formerIds: ['t2', 't3'], madeAt: 'Sunday' });
    expect(byId('t1').appearances.map((a) => a.document)).toEqual(['doc-reuters', 'doc-afp', 'doc-bbc']);
  });

  test('a lossy copy that dropped the hedge: the statement stays hedged, with the words', () => {
    const { byId, notes } = upgraded(
      bundleOf([
        official('t2', { stance: 'HEDGES', hedge: 'we believe', quote: 'He was a commander.', document: 'doc-reuters' }),
        official('t1', { quote: 'He was a commander.', document: 'doc-afp' }),
      ]),
    );
    expect(byId('t1')).toMatchObject({ id: 't1', stance: 'ASSERTS', hedged: true, hedge: 'we believe', formerIds: ['t2'] });
    expect(notes[0]).toBe(
      '$.statements[1] (id "t1"): "t2" is a copy of it (same source, claim and position, same quote): merged into one statement, with that id as formerIds and 2 appearance(s). "t2" hedged ("we believe"), so the statement is hedged.',
    );
  });

  test('two copies in one document make one appearance; words that differ are noted', () => {
    const { byId, notes } = upgraded(
      bundleOf([
        official('t1', { quote: 'A commander.', paraphrase: 'He said so.', document: 'doc-afp', madeAt: 'Sunday' }),
        official('t2', { paraphrase: 'He insisted.', document: 'doc-afp', madeAt: 'Sunday' }),
      ]),
    );
    expect(byId('t1').appearances).toEqual([{ document: 'doc-afp', quote: 'A commander.', paraphrase: 'He said so.', via: [], selector: null }]);
    expect(notes[0]).toMatch(/same madeAt\): merged .* 1 appearance\(s\)\. Dropped: paraphrase "He insisted\." in "doc-afp"\.$/);
  });

  test('not copies: another position, another claim, another source, or neither quote nor madeAt to go by', () => {
    const { bundle } = upgraded(
      v1({
        sources: [person('src-official'), person('src-other')],
        claims: [{ id: 'c1', text: 'C' }, { id: 'c2', text: 'D' }],
        statements: [
          official('t1', { quote: 'Yes.' }),
          official('t2', { quote: 'Yes.', stance: 'DENIES' }),
          official('t3', { quote: 'Yes.', claim: 'c2' }),
          official('t4', { quote: 'Yes.', source: 'src-other' }),
          official('t5', { paraphrase: 'He agreed.' }),
          official('t6', { paraphrase: 'He agreed.' }),
          official('t7', { madeAt: 'Sunday', stance: 'NO_RESPONSE' }),
          official('t8', { madeAt: 'Sunday', stance: 'NOT_ACKNOWLEDGED' }),
        ],
      }),
    );
    expect(bundle.statements.map((s) => [s.id, s.formerIds])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`t${i}`, []]));
  });

  test('a relay merged with what it relayed is derived from nothing', () => {
    const { byId } = upgraded(
      bundleOf([
        official('t1', { quote: 'A commander.', document: 'doc-afp' }),
        official('t2', { quote: 'A commander.', document: 'doc-afp', reportedVia: 't1' }),
      ]),
    );
    expect(byId('t1')).toMatchObject({ id: 't1', formerIds: ['t2'], derivedFrom: null });
  });
});

describe('version 1 problems', () => {
  test('are reported at version 1 paths, once, with nothing from the upgrade', () => {
    const { problems } = checkBundle(
      v1({
        sources: [person('s1')],
        documents: [doc('d1')],
        claims: [{ id: 'c1', text: 'C' }],
        statements: [
          { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', document: 'd9', reportedVia: 't9' },
          { id: 't2', source: 's9', claim: 'c1', stance: 'ASSERTS', document: 'd1', reportedVia: 't1' },
        ],
      }),
    );
    expect(problems).toEqual([
      { path: '$.statements[0].document', id: 't1', expected: 'the id of a document in the bundle or the graph', got: 'unknown document id "d9"' },
      { path: '$.statements[0].reportedVia', id: 't1', expected: 'the id of a statement in the bundle or the graph', got: 'unknown statement id "t9"' },
      { path: '$.statements[1].source', id: 't2', expected: 'the id of a source in the bundle or the graph', got: 'unknown source id "s9"' },
    ]);
  });

  test('HEDGES is a version 1 stance; WITHDRAWS is not', () => {
    const json = v1({ sources: [person('s1')], claims: [{ id: 'c1', text: 'C' }], statements: [{ id: 't1', source: 's1', claim: 'c1', stance: 'WITHDRAWS' }] });
    expect(checkBundle(json).problems).toEqual([
      { path: '$.statements[0].stance', id: 't1', expected: `one of ${V1_STANCES.join(', ')}`, got: '"WITHDRAWS"' },
    ]);
  });
});

describe('property: an upgraded valid version 1 bundle is a valid version 2 bundle that keeps every id', () => {
  const stances = [...V1_STANCES];
  const arbitraryV1 = fc
    .record({
      sources: fc.integer({ min: 1, max: 4 }),
      publishedAt: fc.array(fc.constantFrom(null, '2021-09-17', 'Sunday', '2021-09'), { minLength: 3, maxLength: 3 }),
      affiliated: fc.boolean(),
      statements: fc.array(
        fc.record({
          id: fc.integer({ min: 0, max: 40 }),
          source: fc.nat(3),
          claim: fc.nat(2),
          stance: fc.constantFrom(...stances),
          quote: fc.constantFrom(null, 'A', 'B'),
          paraphrase: fc.constantFrom(null, 'P'),
          hedge: fc.constantFrom(null, 'believes', 'may'),
          document: fc.constantFrom(null, 0, 1, 2),
          relay: fc.option(fc.nat(20), { nil: null }),
          madeAt: fc.constantFrom(null, 'Sunday', '2021-09-17', '2021-09'),
        }),
        { minLength: 1, maxLength: 14 },
      ),
    })
    .map(({ sources, publishedAt, affiliated, statements }) => {
      // Distinct ids in a shuffled order, relays only to earlier statements (so they never loop), hedges only on HEDGES.
      const ids = [...new Set(statements.map((s) => s.id))];
      const list = ids.map((id) => statements.find((s) => s.id === id)!);
      return v1({
        sources: Array.from({ length: sources }, (_, i) => person(`s${i}`)),
        affiliations: affiliated && sources > 1 ? [{ source: 's0', parent: 's1' }] : [],
        documents: publishedAt.map((p, i) => ({ id: `d${i}`, title: `D${i}`, publisher: `s${i % sources}`, publishedAt: p })),
        claims: [0, 1, 2].map((i) => ({ id: `c${i}`, text: `C${i}` })),
        links: [{ type: 'CONTRADICTS', from: 'c0', to: 'c1', linkedBy: 'ed', reason: 'r' }],
        statements: list.map((s, i) => ({
          id: `t${s.id}`,
          source: `s${s.source % sources}`,
          claim: `c${s.claim}`,
          stance: s.stance,
          quote: s.quote,
          paraphrase: s.paraphrase,
          hedge: s.stance === 'HEDGES' ? s.hedge : null,
          document: s.document === null ? null : `d${s.document}`,
          reportedVia: s.relay === null || i === 0 ? null : `t${(list[s.relay % i] as { id: number }).id}`,
          madeAt: s.madeAt,
        })),
      });
    });

  test('validates with no problem as version 2, and every version 1 id still resolves', () => {
    fc.assert(
      fc.property(arbitraryV1, (json) => {
        const first = checkBundle(json);
        expect(first.problems).toEqual([]);
        // As JSON, the upgraded bundle is a version 2 bundle like any other.
        const again = checkBundle(JSON.parse(JSON.stringify(first.bundle)));
        expect(again.problems).toEqual([]);
        expect(again.notes).toEqual([]);
        const resolves = new Map<string, StatementRecord>();
        for (const s of again.bundle.statements) for (const id of [s.id, ...s.formerIds]) resolves.set(id, s);
        for (const s of json.statements as Raw[]) {
          const now = resolves.get(s.id);
          expect(now).toBeDefined();
          // The same speaker on the same claim, with the same polarity.
          expect([now!.source, now!.claim, now!.stance]).toEqual([s.source, s.claim, s.stance === 'HEDGES' ? 'ASSERTS' : s.stance]);
          if (s.stance === 'HEDGES') expect(now!.hedged).toBe(true);
          if (s.document !== null) expect(now!.appearances.map((a) => a.document)).toContain(s.document);
        }
        for (const section of ['sources', 'documents', 'claims'] as const) {
          expect(again.bundle[section].map((r) => r.id)).toEqual((json[section] as Raw[]).map((r) => r.id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
