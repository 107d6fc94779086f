import { importBundle } from '../../src/graph/import';
import { computePositions, effectiveDate, speaksForParent, type PositionInput } from '../../src/graph/positions';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';
import { v2 } from './minimal-bundle';

/*
 * A spokesperson speaks for the organisation (docs/MODEL.md, "Who can
 * supersede whom"): what they say later revises what the organisation said,
 * as the organisation's own later word would. Any other member speaks for
 * itself. The Derna case (test/fixtures/events/FINDINGS.md, F1): the Red
 * Crescent gave a toll on the 14th; on the 17th its spokesman disowned it.
 */

describe('which roles speak for the organisation', () => {
  test.each(['spokesman', 'Spokeswoman', 'chief spokesperson', 'press secretary', 'Pentagon Press Secretary', 'speaks for the ministry', 'spokespeople'])('%p does', (role) => {
    expect(speaksForParent(role)).toBe(true);
  });
  test.each([null, '', 'official', 'commander', 'Secretary of Defense', 'senior official speaking anonymously', 'press', 'spokes'])('%p does not', (role) => {
    expect(speaksForParent(role)).toBe(false);
  });
});

const at = (date: string) => effectiveDate(date, []);
const statement = (id: string, source: string, stance: PositionInput['stance'], date: string, extra: Partial<PositionInput> = {}): PositionInput => ({
  id, source, ancestors: [], claim: 'c', stance, hedged: false, date: at(date), supersedes: [], ...extra,
});
const NO_LINKS = { contradicts: [], implies: [] };

describe('positions with spokespeople', () => {
  test('the spokesman\'s later denial supersedes the organisation\'s assertion, as a revision', () => {
    const positions = computePositions([statement('org', 'o', 'ASSERTS', '2023-09-14', { spokespeople: ['p'] }), statement('p1', 'p', 'DENIES', '2023-09-17', { ancestors: ['o'] })], NO_LINKS);
    expect(positions.get('org')).toEqual({ current: false, supersededBy: 'p1', reason: 'LATER', revision: true });
    expect(positions.get('p1')?.current).toBe(true);
  });

  test('saying the same thing again supersedes nothing: the organisation still asserts', () => {
    const positions = computePositions([statement('org', 'o', 'ASSERTS', '2023-09-14', { spokespeople: ['p'] }), statement('p1', 'p', 'ASSERTS', '2023-09-17', { ancestors: ['o'] })], NO_LINKS);
    expect(positions.get('org')?.current).toBe(true);
  });

  test('a member who is not a spokesperson speaks only for itself', () => {
    const positions = computePositions([statement('org', 'o', 'ASSERTS', '2023-09-14'), statement('m1', 'm', 'DENIES', '2023-09-17', { ancestors: ['o'] })], NO_LINKS);
    expect(positions.get('org')?.current).toBe(true);
  });

  test('an earlier spokesman\'s word does not supersede a later one of the organisation', () => {
    const positions = computePositions([statement('p1', 'p', 'DENIES', '2023-09-14', { ancestors: ['o'] }), statement('org', 'o', 'ASSERTS', '2023-09-17', { spokespeople: ['p'] })], NO_LINKS);
    expect(positions.get('org')?.current).toBe(true);
    // The organisation speaks for its spokesman: his earlier denial is superseded.
    expect(positions.get('p1')).toMatchObject({ current: false, supersededBy: 'org' });
  });

  test('the source\'s own change of account is the one shown, before an earlier one by its spokesman', () => {
    const positions = computePositions(
      [
        statement('spring', 'o', 'ASSERTS', '2025-04-02', { spokespeople: ['p'] }),
        statement('doubt', 'p', 'DENIES', '2025-08', { ancestors: ['o'], hedged: true }),
        statement('autumn', 'o', 'WITHDRAWS', '2025-10-20', { spokespeople: ['p'] }),
      ],
      NO_LINKS,
    );
    expect(positions.get('spring')).toMatchObject({ current: false, supersededBy: 'autumn', reason: 'WITHDRAWN' });
  });
});

describe('through the import, on either path', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await emptyStore();
  });
  afterEach(() => store.close());

  const base = (affiliations: object[]) =>
    v2({
      sources: [
        { id: 'src-lrc', name: 'Libyan Red Crescent', kind: 'ORGANIZATION', anonymous: false },
        { id: 'src-shoukri', name: 'Tawfik Shoukri', kind: 'PERSON', anonymous: false },
      ],
      affiliations,
      claims: [{ id: 'c-11300', text: 'The floods killed about 11,300 people in Derna.' }],
      statements: [
        { id: 'st-lrc', source: 'src-lrc', claim: 'c-11300', stance: 'ASSERTS', date: '2023-09-14' },
        { id: 'st-shoukri', source: 'src-shoukri', claim: 'c-11300', stance: 'DENIES', date: '2023-09-17' },
      ],
    });
  const read = async () => {
    const r = await gql(store, `{ statement(id: "st-lrc") { current supersededBy { id } } claim(id: "c-11300") { corroboration { assertingSources denyingSources } } }`);
    expect(r.errors).toBeUndefined();
    return r.data;
  };

  test('worked out from the bundle alone (a first import)', async () => {
    await importBundle(store, base([{ source: 'src-shoukri', parent: 'src-lrc', role: 'spokesman' }]), { editor: 'test' });
    expect(await read()).toEqual({ statement: { current: false, supersededBy: { id: 'st-shoukri' } }, claim: { corroboration: { assertingSources: 0, denyingSources: 1 } } });
  });

  test('read back from the graph when the role is recorded later (an affiliation of stored sources)', async () => {
    await importBundle(store, base([]), { editor: 'test' });
    expect(await read()).toEqual({ statement: { current: true, supersededBy: null }, claim: { corroboration: { assertingSources: 1, denyingSources: 1 } } });
    await importBundle(store, v2({ affiliations: [{ source: 'src-shoukri', parent: 'src-lrc', role: 'spokesman' }] }), { editor: 'test' });
    expect(await read()).toEqual({ statement: { current: false, supersededBy: { id: 'st-shoukri' } }, claim: { corroboration: { assertingSources: 0, denyingSources: 1 } } });
    // A role that no longer speaks for the organisation gives its word back.
    await importBundle(store, v2({ affiliations: [{ source: 'src-shoukri', parent: 'src-lrc', role: 'volunteer' }] }), { editor: 'test' });
    expect(await read()).toEqual({ statement: { current: true, supersededBy: null }, claim: { corroboration: { assertingSources: 1, denyingSources: 1 } } });
  });
});
