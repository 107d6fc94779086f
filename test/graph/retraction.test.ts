import { checkBundle } from '../../src/graph/bundle';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import { computePositions, effectiveDate, type PositionInput } from '../../src/graph/positions';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';
import { v2, type Raw } from './minimal-bundle';

/*
 * A channel that withdraws what it printed (docs/MODEL.md, "Retracted
 * printings"; test/fixtures/events/FINDINGS.md, F2). The Przewodów case: the
 * AP printed an anonymous senior US intelligence official's "Russian missiles
 * crossed into NATO member Poland"; reprints carried it "according to the
 * AP"; a website stated it in its own voice; the next day the AP said it had
 * "reported erroneously". A statement whose every printing its channels
 * withdrew counts nowhere, and a copy taken from it falls with it; a statement
 * with a printing left standing still counts.
 */

const RETRACTION = { by: 'src-ap', date: '2022-11-16', document: 'doc-ap-correction', reason: 'reported erroneously' };

/** The F2 minimal input; `printings` are the official's appearances. */
const przewodow = (printings: Raw[], extraStatements: Raw[] = []): Raw =>
  v2({
    sources: [
      { id: 'src-official', name: 'A senior US intelligence official (per the AP)', kind: 'PERSON', anonymous: true },
      { id: 'src-ap', name: 'Associated Press', kind: 'ORGANIZATION', anonymous: false },
      { id: 'src-national', name: 'The National', kind: 'ORGANIZATION', anonymous: false },
      { id: 'src-outlet', name: 'preparedtoprotect.net', kind: 'ORGANIZATION', anonymous: false },
      { id: 'src-podolyak', name: 'Mykhailo Podolyak', kind: 'PERSON', anonymous: false },
    ],
    documents: [
      { id: 'doc-ap', title: 'Russian missiles cross into NATO member Poland', publisher: 'src-ap', publishedAt: '2022-11-15' },
      { id: 'doc-national', title: 'Two killed as Russian missiles cross into Poland', publisher: 'src-national', publishedAt: '2022-11-15' },
      { id: 'doc-ap-correction', title: 'Correction', publisher: 'src-ap', publishedAt: '2022-11-16' },
      { id: 'doc-tv', title: 'An interview', publishedAt: '2022-11-15' },
    ],
    claims: [{ id: 'c-russia', text: 'The missile was fired by Russian forces.' }],
    statements: [
      { id: 'st-official', source: 'src-official', claim: 'c-russia', stance: 'ASSERTS', date: '2022-11-15', appearances: printings },
      { id: 'st-copy', source: 'src-outlet', claim: 'c-russia', stance: 'ASSERTS', derivedFrom: 'st-official' },
      { id: 'st-podolyak', source: 'src-podolyak', claim: 'c-russia', stance: 'ASSERTS', date: '2022-11-15', appearances: [{ document: 'doc-tv' }] },
      ...extraStatements,
    ],
  });

const retractedEverywhere = [
  { document: 'doc-ap', retracted: RETRACTION },
  { document: 'doc-national', via: ['src-ap'], retracted: RETRACTION },
];

const problemsOf = (bundle: Raw) => checkBundle(bundle).problems.map((p) => `${p.path}: expected ${p.expected}, got ${p.got}`);

describe('the validator on retracted printings', () => {
  test('accepts a retraction by the publisher, and by an intermediary of a reprint', () => {
    expect(problemsOf(przewodow(retractedEverywhere))).toEqual([]);
  });

  test('refuses a retraction by a source that neither published nor carried the printing, and says a speaker withdraws instead', () => {
    const problems = problemsOf(przewodow([{ document: 'doc-national', via: ['src-ap'], retracted: { ...RETRACTION, by: 'src-official' } }]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('statements[0].appearances[0].retracted.by');
    expect(problems[0]).toContain('"src-national", "src-ap"');
    expect(problems[0]).toContain('WITHDRAWS');
  });

  test('refuses a retraction dated before the document was published, an unknown correction, a malformed date and a bare string', () => {
    const problems = problemsOf(
      przewodow([
        { document: 'doc-ap', retracted: { ...RETRACTION, date: '2022-11-14' } },
        { document: 'doc-national', via: ['src-ap'], retracted: { ...RETRACTION, document: 'doc-nowhere', date: '16 November 2022' } },
        { document: 'doc-tv', retracted: 'yes' },
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(/appearances\[1\]\.retracted\.date: expected an ISO 8601 date .*got "16 November 2022"/),
      expect.stringMatching(/appearances\[2\]\.retracted: expected null or a retraction \{by, date\?, document\?, reason\?\}.*got "yes"/),
      expect.stringMatching(/appearances\[0\]\.retracted\.date: expected a date not before document "doc-ap" was published \(2022-11-15\), got "2022-11-14"/),
      expect.stringMatching(/appearances\[1\]\.retracted\.document: expected the id of a document in the bundle or the graph, got unknown document id "doc-nowhere"/),
    ]);
  });

  test('refuses a retraction without its channel, and fields it does not know', () => {
    const problems = problemsOf(przewodow([{ document: 'doc-ap', retracted: { date: '2022-11-16', why: 'error' } }]));
    expect(problems).toEqual([
      expect.stringMatching(/retracted\.why: expected one of the fields by, date, document, reason, got unknown field "why"/),
      expect.stringMatching(/retracted\.by: expected a non-empty string, got nothing/),
    ]);
  });
});

describe('positions of retracted statements (the rule)', () => {
  const at = (date: string) => effectiveDate(date, []);
  const st = (id: string, extra: Partial<PositionInput> = {}): PositionInput => ({
    id, source: id, ancestors: [], claim: 'c', stance: 'ASSERTS', hedged: false, date: at('2022-11-15'), supersedes: [], ...extra,
  });
  const NO_LINKS = { contradicts: [], implies: [] };

  test('retracted: not current, superseded by no statement, no revision; its copy falls with it', () => {
    const p = computePositions([st('a', { retracted: true }), st('b', { derivedFrom: { id: 'a', current: true, supersededBy: null, revision: false } })], NO_LINKS);
    expect(p.get('a')).toEqual({ current: false, supersededBy: null, reason: 'RETRACTED', revision: false, retraction: 'RETRACTED' });
    expect(p.get('b')).toEqual({ current: false, supersededBy: null, reason: 'ORIGIN_RETRACTED', revision: false, retraction: 'ORIGIN_RETRACTED' });
  });

  test('a copy whose stored origin is retracted falls too', () => {
    const p = computePositions([st('b', { derivedFrom: { id: 'a', current: false, supersededBy: null, revision: false, retraction: 'RETRACTED' } })], NO_LINKS);
    expect(p.get('b')?.reason).toBe('ORIGIN_RETRACTED');
  });

  test('a source\'s own later revision stays the reason shown, and the retraction is kept beside it', () => {
    const p = computePositions([st('a', { retracted: true }), st('a2', { source: 'a', stance: 'WITHDRAWS', date: at('2022-11-17') })], NO_LINKS);
    expect(p.get('a')).toEqual({ current: false, supersededBy: 'a2', reason: 'WITHDRAWN', revision: true, retraction: 'RETRACTED' });
  });
});

describe('a retracted printing in the graph', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  const read = async () => {
    const r = await gql(store, `{
      official: statement(id: "st-official") { current retracted supersession supersededBy { id } appearances { document { id: recordId } retraction { by { id: recordId } date document { id: recordId } reason } } }
      copy: statement(id: "st-copy") { current retracted supersession }
      claim(id: "c-russia") { corroboration { assertingSources independentSources anonymousSources } }
    }`);
    expect(r.errors).toBeUndefined();
    return r.data as {
      official: { current: boolean; retracted: boolean; supersession: string | null; supersededBy: unknown; appearances: { document: { id: string }; retraction: { by: { id: string }; date: string | null; document: { id: string } | null; reason: string | null } | null }[] };
      copy: { current: boolean; retracted: boolean; supersession: string | null };
      claim: { corroboration: { assertingSources: number; independentSources: number; anonymousSources: number } };
    };
  };

  test('every printing retracted: the anonymous official and the copy count nowhere; Podolyak alone asserts', async () => {
    await importBundle(store, przewodow(retractedEverywhere), { editor: 'test' });
    const a = await read();
    expect(a.official).toMatchObject({ current: false, retracted: true, supersession: 'RETRACTED', supersededBy: null });
    expect(a.official.appearances.map((x) => x.retraction)).toEqual([
      { by: { id: 'src-ap' }, date: '2022-11-16', document: { id: 'doc-ap-correction' }, reason: 'reported erroneously' },
      { by: { id: 'src-ap' }, date: '2022-11-16', document: { id: 'doc-ap-correction' }, reason: 'reported erroneously' },
    ]);
    expect(a.copy).toEqual({ current: false, retracted: true, supersession: 'ORIGIN_RETRACTED' });
    expect(a.claim.corroboration).toEqual({ assertingSources: 1, independentSources: 1, anonymousSources: 0 });
  });

  test('one printing left standing: the statement still counts, with the other printing shown retracted', async () => {
    await importBundle(store, przewodow([{ document: 'doc-ap', retracted: RETRACTION }, { document: 'doc-national' }]), { editor: 'test' });
    const a = await read();
    expect(a.official).toMatchObject({ current: true, retracted: false, supersession: null });
    expect(a.official.appearances.map((x) => x.retraction?.by.id ?? null)).toEqual(['src-ap', null]);
    expect(a.copy).toEqual({ current: true, retracted: false, supersession: null });
    expect(a.claim.corroboration).toEqual({ assertingSources: 3, independentSources: 2, anonymousSources: 1 });
  });

  test('a retraction added, then taken away, by importing the statement again: the stored positions follow', async () => {
    const standing = [{ document: 'doc-ap' }, { document: 'doc-national', via: ['src-ap'] }];
    await importBundle(store, przewodow(standing), { editor: 'test' });
    expect((await read()).claim.corroboration.assertingSources).toBe(3);
    // Only the statement again, as a later bundle would carry it: the claim is stored, so the refresh path computes it.
    const later = przewodow(retractedEverywhere);
    await importBundle(store, v2({ statements: [later.statements[0]] }), { editor: 'test' });
    const a = await read();
    expect(a.official.supersession).toBe('RETRACTED');
    expect(a.copy.supersession).toBe('ORIGIN_RETRACTED');
    expect(a.claim.corroboration.assertingSources).toBe(1);
    await importBundle(store, v2({ statements: [przewodow(standing).statements[0]] }), { editor: 'test' });
    const b = await read();
    expect(b.official).toMatchObject({ current: true, retracted: false });
    expect(b.copy).toMatchObject({ current: true, retracted: false });
    expect(b.claim.corroboration.assertingSources).toBe(3);
  });

  test('export keeps the retraction, a re-import of the export changes nothing, and a printing that stands exports without the field', async () => {
    await importBundle(store, przewodow([{ document: 'doc-ap', retracted: RETRACTION }, { document: 'doc-national' }]), { editor: 'test' });
    const exported = (await exportBundle(store)) as unknown as Raw;
    const official = (exported.statements as Raw[]).find((s) => s.id === 'st-official') as Raw;
    expect(official.appearances).toMatchObject([{ document: 'doc-ap', retracted: RETRACTION }, { document: 'doc-national' }]);
    expect(official.appearances[1]).not.toHaveProperty('retracted');
    const podolyak = (exported.statements as Raw[]).find((s) => s.id === 'st-podolyak') as Raw;
    expect(JSON.stringify(podolyak)).not.toContain('retracted');
    const again = await importBundle(store, exported, { editor: 'test' });
    expect(again.statements).toMatchObject({ created: 0, updated: 0 });
  });

  test('deleting the correction document keeps the retraction without it; deleting the channel that retracted takes the retraction with it', async () => {
    await importBundle(store, przewodow(retractedEverywhere), { editor: 'test' });
    const remove = async (kind: string, id: string) => {
      const p = await gql(store, `{ deletionPreview(kind: ${kind}, id: "${id}") { confirm } }`, {}, 'admin@example.org');
      expect(p.errors).toBeUndefined();
      const confirm = (p.data as { deletionPreview: { confirm: string } }).deletionPreview.confirm;
      const d = await gql(store, `mutation($c: String!) { delete(input: { kind: ${kind}, id: "${id}", confirm: $c }) { deletedIds } }`, { c: confirm }, 'admin@example.org');
      expect(d.errors).toBeUndefined();
    };
    await remove('DOCUMENT', 'doc-ap-correction');
    let a = await read();
    expect(a.official).toMatchObject({ current: false, retracted: true });
    expect(a.official.appearances.map((x) => x.retraction?.document)).toEqual([null, null]);
    const exported = (await exportBundle(store)) as unknown as Raw;
    expect(JSON.stringify(exported.statements)).not.toContain('doc-ap-correction');
    await remove('SOURCE', 'src-ap');
    a = await read();
    // The AP is gone, and with it its withdrawal: the printings stand again.
    expect(a.official).toMatchObject({ current: true, retracted: false });
    expect(a.claim.corroboration.assertingSources).toBe(3);
  });

  test('a retraction through the API (recordStatement\'s appearances) is validated with the same message', async () => {
    await importBundle(store, przewodow([{ document: 'doc-ap' }]), { editor: 'test' });
    const r = await gql(
      store,
      `mutation { recordStatement(input: { id: "st-official", source: "src-official", claim: "c-russia", stance: ASSERTS,
        appearances: [{ document: "doc-ap", retracted: { by: "src-official" } }] }) { statement { current } } }`,
      {},
      'editor@example.org',
    );
    expect(r.errors?.[0]?.message).toContain('a channel of this printing');
  });
});
