import { importBundle } from '../../src/graph/import';
import { computePositions, effectiveDate, type PositionInput } from '../../src/graph/positions';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';
import { v2 } from './minimal-bundle';

/*
 * Named members of one organisation revise each other's figures (docs/MODEL.md,
 * "Who can supersede whom"): a later firm assertion, by a named source, of a
 * claim that contradicts an earlier firm assertion by another named source
 * under the same root supersedes it. The Crocus case (test/fixtures/events/
 * FINDINGS.md, F41): the Investigative Committee said 137 dead on 24 March,
 * its head 139 on the 25th, the Emergencies Ministry 144 on the 30th; the
 * government's count is 144, and it no longer stands on both sides of every
 * figure. Anything short of that (a hedge, a doubt, a denial of the same
 * claim, an anonymous voice, another root, an order the dates cannot prove)
 * leaves both statements standing.
 */

const at = (date: string) => effectiveDate(date, []);
const statement = (id: string, source: string, claim: string, date: string, extra: Partial<PositionInput> = {}): PositionInput => ({
  id, source, ancestors: ['gov'], claim, stance: 'ASSERTS', hedged: false, date: at(date), supersedes: [], ...extra,
});
// Three tolls, pairwise contradicting.
const TOLLS = { contradicts: [['k137', 'k139'], ['k137', 'k144'], ['k139', 'k144']] as [string, string][], implies: [] };

describe('positions within one organisation', () => {
  test('the government\'s later counts replace its earlier ones, whoever of its named members gave them', () => {
    const positions = computePositions(
      [
        statement('ic', 'ic', 'k137', '2024-03-24'),
        statement('head', 'bastrykin', 'k139', '2024-03-25', { ancestors: ['ic', 'gov'] }),
        statement('mchs', 'mchs', 'k144', '2024-03-30'),
      ],
      TOLLS,
    );
    // The earliest later count supersedes: the head's 139 the Committee's 137, the ministry's 144 the head's 139.
    expect(positions.get('ic')).toEqual({ current: false, supersededBy: 'head', reason: 'CONTRADICTING_CLAIM', revision: true });
    expect(positions.get('head')).toEqual({ current: false, supersededBy: 'mchs', reason: 'CONTRADICTING_CLAIM', revision: true });
    expect(positions.get('mchs')?.current).toBe(true);
  });

  test.each<[string, Partial<PositionInput>, Partial<PositionInput>]>([
    ['the later voice is anonymous (a leak is not the organisation\'s account)', {}, { anonymous: true }],
    ['the earlier voice is anonymous', { anonymous: true }, {}],
    ['the later one only hedges', {}, { hedged: true }],
    ['the earlier one only hedged', { hedged: true }, {}],
    ['the later one denies rather than asserts', {}, { stance: 'DENIES', claim: 'k137' }],
    ['the two are under different roots', {}, { ancestors: ['other-gov'] }],
    ['the dates cannot be ordered (a month and a day in it)', {}, { date: at('2024-03') }],
  ])('both stand when %s', (_, earlier, later) => {
    const positions = computePositions([statement('a', 'ic', 'k137', '2024-03-24', earlier), statement('b', 'mchs', 'k144', '2024-03-30', later)], TOLLS);
    expect([positions.get('a')?.current, positions.get('b')?.current]).toEqual([true, true]);
  });

  test('a disagreement on one claim is no revision: a named member\'s later denial leaves the other\'s assertion standing', () => {
    // Newsweek: the White House said the report incited the rioting; the commander in Afghanistan later said it did not.
    const positions = computePositions([statement('a', 'press-secretary', 'k', '2005-05-16'), statement('b', 'commander', 'k', '2005-05-17', { stance: 'DENIES' })], TOLLS);
    expect(positions.get('a')?.current).toBe(true);
  });

  test('the source\'s own later count is the revision shown, before another member\'s', () => {
    const positions = computePositions(
      [statement('ic-137', 'ic', 'k137', '2024-03-24'), statement('mchs', 'mchs', 'k139', '2024-03-25'), statement('ic-144', 'ic', 'k144', '2024-03-30')],
      TOLLS,
    );
    expect(positions.get('ic-137')).toMatchObject({ current: false, supersededBy: 'ic-144' });
  });
});

describe('through the import, and as the graph changes', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  const SOURCES = [
    { id: 'gov', name: 'Russian government', kind: 'ORGANIZATION', anonymous: false },
    { id: 'ic', name: 'Investigative Committee', kind: 'ORGANIZATION', anonymous: false },
    { id: 'head', name: 'Alexander Bastrykin', kind: 'PERSON', anonymous: false },
    { id: 'mchs', name: 'Emergencies Ministry', kind: 'ORGANIZATION', anonymous: false },
  ];
  const AFFILIATIONS = [{ source: 'ic', parent: 'gov' }, { source: 'head', parent: 'ic', role: 'head' }, { source: 'mchs', parent: 'gov' }];
  const bundle = (affiliations: object[]) =>
    v2({
      sources: SOURCES,
      affiliations,
      claims: [137, 139, 144].map((n) => ({ id: `k${n}`, text: `The attack killed ${n} people.` })),
      links: [['k137', 'k139'], ['k137', 'k144'], ['k139', 'k144']].map(([from, to]) => ({ type: 'CONTRADICTS', from, to, linkedBy: 'editor', reason: 'One toll.' })),
      statements: [
        { id: 'st-ic', source: 'ic', claim: 'k137', stance: 'ASSERTS', date: '2024-03-24' },
        { id: 'st-head', source: 'head', claim: 'k139', stance: 'ASSERTS', date: '2024-03-25' },
        { id: 'st-mchs', source: 'mchs', claim: 'k144', stance: 'ASSERTS', date: '2024-03-30' },
      ],
    });
  const read = async () => {
    const r = await gql(store, `{ ic: statement(id: "st-ic") { current } head: statement(id: "st-head") { current }
      k137: claim(id: "k137") { status credibility { grade } } k139: claim(id: "k139") { status credibility { grade } }
      k144: claim(id: "k144") { status credibility { grade } } }`);
    expect(r.errors).toBeUndefined();
    const d = r.data as Record<string, { current?: boolean; status?: string; credibility?: { grade: number } }>;
    return [d.ic?.current, d.head?.current, ...['k137', 'k139', 'k144'].map((k) => `${d[k]?.status} ${d[k]?.credibility?.grade}`)];
  };
  const REVISED = [false, false, 'CONTESTED 5', 'CONTESTED 5', 'UNVERIFIED 2'];

  test('worked out from the bundle alone (a first import): 144 probably true, 137 and 139 improbable', async () => {
    await importBundle(store, bundle(AFFILIATIONS), { editor: 'test' });
    expect(await read()).toEqual(REVISED);
  });

  test('read back from the graph when the affiliations come later, and given back when a member turns out anonymous', async () => {
    await importBundle(store, bundle([]), { editor: 'test' });
    // Three unrelated bodies: three independent counts against each other.
    expect((await read()).slice(0, 2)).toEqual([true, true]);
    await importBundle(store, v2({ affiliations: AFFILIATIONS }), { editor: 'test' });
    expect(await read()).toEqual(REVISED);
    // Recoded as an unnamed official, the head's count no longer revises nor is revised: it stands against 144, and the
    // government is on both sides of it again (the ministry's 144 still replaces the Committee's 137).
    await importBundle(store, v2({ sources: [{ ...SOURCES[2], anonymous: true }] }), { editor: 'test' });
    expect(await read()).toEqual([false, true, 'CONTESTED 5', 'CONTESTED 4', 'CONTESTED 4']);
  });
});
