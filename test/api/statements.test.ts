import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';
import { strikeEvent } from './strike-event';

/*
 * A statement is one act of saying: its appearances (each document that
 * printed it, in that document's words, with the intermediaries that carried
 * it), its position, its date, whether it still counts, what it was derived
 * from. On the strike event (test/api/strike-event.ts), every answer worked
 * out by hand from the rules (docs/MODEL.md, schema/statement.graphql):
 *
 * - the ministry's spring announcement (2025-04-02) is superseded by its
 *   autumn finding (2025-10-20) that the man was a civilian: a claim that
 *   contradicts it, asserted later by the same source (CONTRADICTING_CLAIM);
 * - the spokesman's doubt (2025-08) stays current: the autumn finding is on
 *   another claim, which neither contradicts nor implies a denial of it;
 * - the paper's own-voice echo, derived from the announcement, falls with it
 *   (ORIGIN_SUPERSEDED: a copied account does not outlive its source's
 *   correction);
 * - the monitor's own account (2025-04-05) stays current: nobody revised it.
 */

let store: GraphStore;
beforeAll(async () => {
  store = await emptyStore();
  await importBundle(store, strikeEvent(), { editor: 'test' });
});
afterAll(() => store.close());

async function read(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await gql(store, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
}

const DATED = 'dated { value precision start end basis }';

describe('one announcement, printed in four documents', () => {
  it('is one statement whose appearances come earliest publication first, undated last, each in its document\'s words and with who carried it', async () => {
    const { statement } = await read(`{ statement(id: "st-spring") {
      stance hedged hedge position date madeAt ${DATED} quote paraphrase document { id }
      appearances { document { id publishedAt } quote paraphrase via { source { id } document { id } } selector { exact prefix suffix } } } }`);
    expect(statement).toEqual({
      stance: 'ASSERTS', hedged: false, hedge: null, position: 'ASSERTS', date: '2025-04-02', madeAt: 'on Wednesday',
      dated: { value: '2025-04-02', precision: 'DAY', start: '2025-04-02T00:00:00.000Z', end: '2025-04-02T23:59:59.999Z', basis: 'SAID' },
      // No words of its own: those of its earliest appearance, the ministry's release (09:00 that day, before the wire's day ends).
      quote: 'The strike killed Omar Haddad, a commander of the Front',
      paraphrase: 'The ministry announced the death of a Front commander.',
      document: { id: 'doc-release' },
      appearances: [
        {
          document: { id: 'doc-release', publishedAt: '2025-04-02T09:00Z' }, quote: 'The strike killed Omar Haddad, a commander of the Front',
          paraphrase: 'The ministry announced the death of a Front commander.', via: [],
          selector: { exact: 'killed Omar Haddad, a commander of the Front', prefix: 'The strike ', suffix: null },
        },
        { document: { id: 'doc-wire', publishedAt: '2025-04-02' }, quote: null, paraphrase: 'The ministry said the strike killed a Front commander.', via: [], selector: null },
        {
          document: { id: 'doc-ledger', publishedAt: '2025-04-03' }, quote: null, paraphrase: 'The ministry said he was a commander, the wire reported.',
          via: [{ source: { id: 'src-wire' }, document: { id: 'doc-wire' } }], selector: null,
        },
        { document: { id: 'doc-ledger-archive', publishedAt: null }, quote: null, paraphrase: null, via: [{ source: { id: 'src-wire' }, document: null }], selector: null },
      ],
    });
  });

  it('lists the statement once in each document that printed it, and never makes a carrier or a publisher a source', async () => {
    const data = await read(`{
      ledger: document(id: "doc-ledger") { statements { id } statementsConnection { totalCount } }
      wire: source(id: "src-wire") { statementsConnection { totalCount } }
      commander: claim(id: "claim-commander") { sources { id } }
    }`);
    expect(data.ledger).toEqual({ statements: [{ id: 'st-family' }, { id: 'st-ledger-echo' }, { id: 'st-spring' }], statementsConnection: { totalCount: 3 } });
    // The wire printed the announcement and carried it to the paper: it said nothing itself.
    expect(data.wire).toEqual({ statementsConnection: { totalCount: 0 } });
    expect(data.commander.sources).toEqual([{ id: 'src-ministry' }, { id: 'src-monitor' }, { id: 'src-paper' }, { id: 'src-spokesman' }]);
  });

  it('shows the selector\'s words in the document\'s text', async () => {
    const { document } = await read(`{ document(id: "doc-release") { text } }`);
    expect(document.text).toContain('The strike killed Omar Haddad, a commander of the Front');
  });
});

describe('positions over time', () => {
  it('keeps the spring announcement, superseded by the autumn finding on a contradicting claim, and says why', async () => {
    const { statement } = await read(`{ statement(id: "st-spring") { current supersededBy { id claim { id } ${DATED} } supersession supersedes { id } } }`);
    expect(statement).toEqual({
      current: false, supersession: 'CONTRADICTING_CLAIM', supersedes: [],
      supersededBy: { id: 'st-autumn', claim: { id: 'claim-civilian' }, dated: { value: '2025-10-20', precision: 'DAY', start: '2025-10-20T00:00:00.000Z', end: '2025-10-20T23:59:59.999Z', basis: 'SAID' } },
    });
  });

  it('keeps the spokesman\'s doubt current: a hedged denial, dated by its month', async () => {
    const { statement } = await read(`{ statement(id: "st-doubt") { stance hedged hedge position quote paraphrase document { id } ${DATED} current supersededBy { id } supersession } }`);
    expect(statement).toEqual({
      stance: 'DENIES', hedged: true, hedge: 'no longer confident', position: 'DOUBTS',
      // Its own paraphrase is kept; the words it was printed in are the appearance's.
      quote: 'We are no longer confident he was a commander.', paraphrase: 'The spokesman doubted that he was a commander.',
      document: { id: 'doc-ledger-archive' },
      dated: { value: '2025-08', precision: 'MONTH', start: '2025-08-01T00:00:00.000Z', end: '2025-08-31T23:59:59.999Z', basis: 'SAID' },
      current: true, supersededBy: null, supersession: null,
    });
  });

  it('dates a statement without a date of its own by the earliest document that printed it', async () => {
    const { statement } = await read(`{ statement(id: "st-family") { date ${DATED} quote } }`);
    expect(statement).toEqual({
      date: null, quote: 'He sold vegetables.',
      dated: { value: '2025-04-03', precision: 'DAY', start: '2025-04-03T00:00:00.000Z', end: '2025-04-03T23:59:59.999Z', basis: 'PUBLISHED' },
    });
  });

  it('lists a claim\'s statements whole, or only those that count', async () => {
    const { claim } = await read(`{ claim(id: "claim-commander") {
      all: statements { id current } now: statements(current: true) { id }
      allConnection: statementsConnection { totalCount } nowConnection: statementsConnection(current: true) { totalCount } } }`);
    expect(claim).toEqual({
      all: [{ id: 'st-doubt', current: true }, { id: 'st-ledger-echo', current: false }, { id: 'st-monitor', current: true }, { id: 'st-spring', current: false }],
      now: [{ id: 'st-doubt' }, { id: 'st-monitor' }],
      allConnection: { totalCount: 4 },
      nowConnection: { totalCount: 2 },
    });
  });

  it('places every statement on the man\'s timeline, superseded ones included, by date: the month-only doubt after the dated reports', async () => {
    const { entity } = await read(`{ entity(id: "ent-haddad") { timeline { totalCount nodes { statement { id current } date precision dateSource dateText } } } }`);
    expect(entity.timeline).toEqual({ totalCount: 6, nodes: [
      { statement: { id: 'st-spring', current: false }, date: '2025-04-02', precision: 'DAY', dateSource: 'SAID', dateText: 'on Wednesday' },
      // Both printed (only) in the Ledger of 2025-04-03: the same day, then by id.
      { statement: { id: 'st-family', current: true }, date: '2025-04-03', precision: 'DAY', dateSource: 'PUBLISHED', dateText: null },
      { statement: { id: 'st-ledger-echo', current: false }, date: '2025-04-03', precision: 'DAY', dateSource: 'PUBLISHED', dateText: null },
      { statement: { id: 'st-monitor', current: true }, date: '2025-04-05', precision: 'DAY', dateSource: 'SAID', dateText: null },
      { statement: { id: 'st-doubt', current: true }, date: '2025-08', precision: 'MONTH', dateSource: 'SAID', dateText: null },
      { statement: { id: 'st-autumn', current: true }, date: '2025-10-20', precision: 'DAY', dateSource: 'SAID', dateText: null },
    ] });
  });
});

describe('derivation', () => {
  it('shows what an own-voice statement was taken from and its origin, and lets it fall with its origin\'s revision', async () => {
    const data = await read(`{ echo: statement(id: "st-ledger-echo") { derivedFrom { id source { id } } origin { id } current supersededBy { id } supersession }
      spring: statement(id: "st-spring") { derivedFrom { id } origin { id } } }`);
    expect(data).toEqual({
      // Superseded by what superseded its origin: the paper itself said nothing new.
      echo: { derivedFrom: { id: 'st-spring', source: { id: 'src-ministry' } }, origin: { id: 'st-spring' }, current: false, supersededBy: { id: 'st-autumn' }, supersession: 'ORIGIN_SUPERSEDED' },
      spring: { derivedFrom: null, origin: { id: 'st-spring' } },
    });
  });
});

describe('what counts', () => {
  const COUNTS = `assertingSources independentSources impliedSources implied { source { id } through { id } } hedgingSources denyingSources doubtingSources
    withdrawnSources contradictedBy opposingIndependentSources clusters { sources { id } merges { reasons } }`;

  it('counts the commander claim by current positions: the monitor for it; the doubt, the ministry\'s finding and the family against', async () => {
    const { claim } = await read(`{ claim(id: "claim-commander") { status credibility { grade } corroboration { ${COUNTS} } } }`);
    expect(claim).toEqual({
      status: 'CONTESTED',
      // Leaning against it: the ministry with its spokesman (one cluster), and the family; for it, the monitor: improbable.
      credibility: { grade: 5 },
      corroboration: {
        assertingSources: 1, independentSources: 1, impliedSources: 0, implied: [], hedgingSources: 0, denyingSources: 0, doubtingSources: 1,
        withdrawnSources: 0, contradictedBy: 2, opposingIndependentSources: 2, clusters: [{ sources: [{ id: 'src-monitor' }], merges: [] }],
      },
    });
  });

  it('counts the monitor towards membership of the Front, marked as implied; the superseded announcement and its echo not at all', async () => {
    const { claim } = await read(`{ claim(id: "claim-member") { corroboration { ${COUNTS} } } }`);
    expect(claim.corroboration).toEqual({
      assertingSources: 1, independentSources: 1, impliedSources: 1, implied: [{ source: { id: 'src-monitor' }, through: [{ id: 'claim-commander' }] }],
      hedgingSources: 0, denyingSources: 0, doubtingSources: 0, withdrawnSources: 0, contradictedBy: 2, opposingIndependentSources: 2,
      clusters: [{ sources: [{ id: 'src-monitor' }], merges: [] }],
    });
  });

  it('counts the civilian claim for the ministry and the family, against it the monitor (through the commander claim it asserts)', async () => {
    const { claim } = await read(`{ claim(id: "claim-civilian") { status credibility { grade } corroboration { assertingSources independentSources contradictedBy opposingClusters { sources { id } } } } }`);
    expect(claim).toEqual({
      // Against, by half as many clusters as assert it: possibly true.
      status: 'CONTESTED', credibility: { grade: 3 },
      corroboration: { assertingSources: 2, independentSources: 2, contradictedBy: 1, opposingClusters: [{ sources: [{ id: 'src-monitor' }] }] },
    });
  });

  it('lists the ministry\'s revision among the conflicts, with the doubt of the commander claim and the contradiction, and no revision for the echo', async () => {
    const { conflicts } = await read(`{ conflicts { totalCount nodes { kind claim { id } opposingClaim { id } sources { id } opposingSources { id } earlier { id } later { id } } } }`);
    const rows = (conflicts.nodes as { kind: string; claim: { id: string }; opposingClaim: { id: string }; sources: { id: string }[]; opposingSources: { id: string }[]; earlier: { id: string } | null; later: { id: string } | null }[])
      .map((n) => [n.kind, n.claim.id, n.opposingClaim.id, n.sources.map((s) => s.id), n.opposingSources.map((s) => s.id), n.earlier?.id ?? null, n.later?.id ?? null]);
    // The paper changed nothing itself: its echo fell with the announcement, which is the ministry's revision.
    expect(conflicts.totalCount).toBe(3);
    expect(rows).toEqual(expect.arrayContaining([
      ['CONTRADICTING_CLAIMS', 'claim-civilian', 'claim-commander', ['src-family', 'src-ministry'], ['src-monitor'], null, null],
      ['DENIAL', 'claim-commander', 'claim-commander', ['src-monitor'], ['src-spokesman'], null, null],
      ['REVISION', 'claim-commander', 'claim-civilian', ['src-ministry'], ['src-ministry'], 'st-spring', 'st-autumn'],
    ]));
  });
});
