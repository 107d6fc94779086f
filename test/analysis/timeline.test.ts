import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, RecordingStore, seededStore, type GqlResult } from '../helpers';

interface Entry {
  statement: { id: string; current: boolean; supersededBy: { id: string } | null };
  date: string | null;
  precision: string | null;
  dateSource: string;
  dateText: string | null;
}
interface Timeline {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Entry[];
}

const TIMELINE = `query ($id: ID!, $first: Int, $after: String) {
  entity(id: $id) { timeline(first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { statement { id: recordId current supersededBy { id: recordId } } date precision dateSource dateText }
  } }
}`;

function timelineOf(result: GqlResult): Timeline {
  expect(result.errors).toBeUndefined();
  return (result.data?.entity as { timeline: Timeline }).timeline;
}

/** Every page of a timeline, `first` at a time. */
async function allPages(store: GraphStore, id: string, first: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const page: Timeline = timelineOf(await gql(store, TIMELINE, { id, first, after }));
    entries.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return entries;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the timeline did not end after 50 pages');
}

const brief = (e: Entry) => [e.statement.id, e.date, e.precision, e.dateSource, e.dateText];
/** Whether each entry counts now, and what superseded it. */
const standing = (e: Entry) => [e.statement.id, e.statement.current, e.statement.supersededBy?.id ?? null];

describe('Entity.timeline: an undated statement that a dated one revises comes just before its reviser', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, {
      format: 'claimgraph-bundle', version: 2,
      sources: [{ id: 's1', name: 'Alice Example', kind: 'PERSON', anonymous: false }, { id: 's2', name: 'Bob Example', kind: 'PERSON', anonymous: false }, { id: 's3', name: 'Carol Example', kind: 'PERSON', anonymous: false }],
      entities: [{ id: 'ent-x', name: 'X' }],
      claims: [{ id: 'c1', text: 'One.', about: ['ent-x'] }, { id: 'c2', text: 'Two.', about: ['ent-x'] }],
      statements: [
        { id: 'st-1-first-word', source: 's1', claim: 'c1', stance: 'ASSERTS' },
        { id: 'st-2-walk-back', source: 's1', claim: 'c1', stance: 'ASSERTS', hedge: 'probably', date: '2022-11-16', supersedes: ['st-1-first-word'] },
        // Ends on the same day as the reviser, and sorts before it by id: the revised statement still comes first.
        { id: 'st-0-same-day', source: 's2', claim: 'c2', stance: 'ASSERTS', date: '2022-11-16' },
        { id: 'st-3-earlier', source: 's2', claim: 'c2', stance: 'DENIES', date: '2022-11-15' },
        // A copy without a date cannot be earlier than its origin; how much later is unknown: it stays last.
        { id: 'st-4-copy', source: 's3', claim: 'c1', stance: 'ASSERTS', derivedFrom: 'st-2-walk-back' },
      ],
    }, { editor: 'test' });
  });
  afterAll(() => store.close());

  const EXPECTED = [
    ['st-3-earlier', '2022-11-15', 'DAY', 'SAID', null],
    ['st-1-first-word', null, null, 'BEFORE_REVISION', null],
    ['st-0-same-day', '2022-11-16', 'DAY', 'SAID', null],
    ['st-2-walk-back', '2022-11-16', 'DAY', 'SAID', null],
    ['st-4-copy', null, null, 'UNKNOWN', null],
  ];

  it('places it by its reviser, says so, and keeps it marked as revised', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-x' }));
    expect(t.nodes.map(brief)).toEqual(EXPECTED);
    expect(t.nodes.map(standing)[1]).toEqual(['st-1-first-word', false, 'st-2-walk-back']);
  });

  it('pages through the same order one entry at a time (the cursor keeps the place before the reviser)', async () => {
    expect((await allPages(store, 'ent-x', 1)).map(brief)).toEqual(EXPECTED);
    expect((await allPages(store, 'ent-x', 2)).map(brief)).toEqual(EXPECTED);
  });
});

describe('Entity.timeline: a statement dated by its day, withdrawn at a time of that day, comes before its withdrawal (FINDINGS.md, F23)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(store, {
      format: 'claimgraph-bundle', version: 2,
      sources: [{ id: 's-embassy', name: 'An Embassy', kind: 'ORGANIZATION', anonymous: false }, { id: 's-other', name: 'Dora Example', kind: 'PERSON', anonymous: false }],
      entities: [{ id: 'ent-x', name: 'X' }],
      claims: [{ id: 'c1', text: 'An engine failed.', about: ['ent-x'] }, { id: 'c2', text: 'Something else.', about: ['ent-x'] }],
      statements: [
        // The first statement is known only by its day; its withdrawal by the hour (12:21 UTC).
        { id: 'st-b-first', source: 's-embassy', claim: 'c1', stance: 'ASSERTS', date: '2020-01-08' },
        { id: 'st-a-withdrawal', source: 's-embassy', claim: 'c1', stance: 'WITHDRAWS', date: '2020-01-08T18:21+06:00' },
        // Not revised by anything: placed by its own day, after the withdrawal (which ends first), as before.
        { id: 'st-c-unrelated', source: 's-other', claim: 'c2', stance: 'ASSERTS', date: '2020-01-08' },
        // A later statement of the same source on the same claim supersedes by date, not by overlap: unchanged.
        { id: 'st-d-again', source: 's-embassy', claim: 'c1', stance: 'ASSERTS', date: '2020-01-09' },
      ],
    }, { editor: 'test' });
  });
  afterAll(() => store.close());

  const EXPECTED = [
    ['st-b-first', '2020-01-08', 'DAY', 'SAID', null],
    ['st-a-withdrawal', '2020-01-08T18:21+06:00', 'TIME', 'SAID', null],
    ['st-c-unrelated', '2020-01-08', 'DAY', 'SAID', null],
    ['st-d-again', '2020-01-09', 'DAY', 'SAID', null],
  ];

  it('places it just before the withdrawal, keeping its own date, and marks it withdrawn', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-x' }));
    expect(t.nodes.map(brief)).toEqual(EXPECTED);
    expect(t.nodes.map(standing)[0]).toEqual(['st-b-first', false, 'st-a-withdrawal']);
  });

  it('pages through the same order one entry at a time', async () => {
    expect((await allPages(store, 'ent-x', 1)).map(brief)).toEqual(EXPECTED);
  });
});

describe('Entity.timeline on a small graph with mixed dates (a version 1 bundle, upgraded on the way in)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    await importBundle(
      store,
      {
        format: 'claimgraph-bundle',
        version: 1,
        sources: [{ id: 's1', name: 'Alice Example', kind: 'PERSON', anonymous: false }],
        entities: [
          { id: 'ent-x', name: 'X' },
          { id: 'ent-y', name: 'Y' },
          { id: 'ent-silent', name: 'Nobody spoke of it' },
        ],
        documents: [
          { id: 'd-iso', title: 'Dated', publishedAt: '2024-03-01' },
          { id: 'd-none', title: 'Undated' },
          // Not ISO 8601: the upgrade moves it into the note, and the document has no date.
          { id: 'd-text', title: 'Loosely dated', publishedAt: 'March 2024' },
        ],
        claims: [
          { id: 'c1', text: 'One.', about: ['ent-x'] },
          { id: 'c2', text: 'Two.', about: ['ent-x', 'ent-y'] },
          { id: 'c3', text: 'Three.', about: ['ent-y'] },
        ],
        statements: [
          // Not about ent-x: never on its timeline, though it sorts first by id and by date.
          { id: 'st-0', source: 's1', claim: 'c3', stance: 'ASSERTS', madeAt: '2020-01-01' },
          { id: 'st-a', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-05-02', document: 'd-none' },
          // "Sunday" is not ISO: the document's date places it; the words are kept.
          { id: 'st-b', source: 's1', claim: 'c2', stance: 'DENIES', madeAt: 'Sunday', document: 'd-iso' },
          { id: 'st-c', source: 's1', claim: 'c1', stance: 'ASSERTS', document: 'd-iso' },
          { id: 'st-d', source: 's1', claim: 'c2', stance: 'ASSERTS', madeAt: 'Sunday', document: 'd-none' },
          { id: 'st-e', source: 's1', claim: 'c1', stance: 'ASSERTS' },
          // An ISO madeAt is the date it was said, which wins over the document's date, even an earlier one.
          { id: 'st-f', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2023-12-31T22:00:00Z', document: 'd-iso' },
          // A date inside other words is not an ISO date, nor is "March 2024".
          { id: 'st-g', source: 's1', claim: 'c2', stance: 'ASSERTS', madeAt: 'not 2024-01-01', document: 'd-text' },
          { id: 'st-h', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-01-01 or so' },
          // A month, two days in it, and a year: ordered by the end of each interval, the more precise first.
          { id: 'st-i', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-04' },
          { id: 'st-j', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-04-15' },
          { id: 'st-k', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-04-30' },
          { id: 'st-l', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024' },
        ],
      },
      { editor: 'test' },
    );
  });
  afterAll(() => store.close());

  // By interval end: 2023-12-31T22:00:00.999Z, 2024-03-01 (twice, by id), 2024-04-15,
  // 2024-04-30 (the day, then the month that ends with it), 2024-05-02, 2024; then the
  // undated by id.
  const EXPECTED = [
    ['st-f', '2023-12-31T22:00:00Z', 'TIME', 'SAID', '2023-12-31T22:00:00Z'],
    ['st-b', '2024-03-01', 'DAY', 'PUBLISHED', 'Sunday'],
    ['st-c', '2024-03-01', 'DAY', 'PUBLISHED', null],
    ['st-j', '2024-04-15', 'DAY', 'SAID', '2024-04-15'],
    ['st-k', '2024-04-30', 'DAY', 'SAID', '2024-04-30'],
    ['st-i', '2024-04', 'MONTH', 'SAID', '2024-04'],
    ['st-a', '2024-05-02', 'DAY', 'SAID', '2024-05-02'],
    ['st-l', '2024', 'YEAR', 'SAID', '2024'],
    ['st-d', null, null, 'UNKNOWN', 'Sunday'],
    ['st-e', null, null, 'UNKNOWN', null],
    ['st-g', null, null, 'UNKNOWN', 'not 2024-01-01'],
    ['st-h', null, null, 'UNKNOWN', '2024-01-01 or so'],
  ];

  it('orders dated entries by the end of their interval, the more precise first, then the undated by statement id, saying which date each used', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-x' }));
    expect(t.nodes.map(brief)).toEqual(EXPECTED);
    expect(t.totalCount).toBe(12);
    expect(t.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps superseded statements on the timeline, marked, each superseded by the earliest later one of the source on the claim', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-x', first: 100 }));
    expect(t.nodes.map(standing)).toEqual([
      // 2024 (the whole year) begins after 22:00:00Z on 31 December 2023.
      ['st-f', false, 'st-l'],
      // c2 is another claim: nothing of s1 on it is strictly later.
      ['st-b', true, null],
      ['st-c', false, 'st-i'],
      ['st-j', false, 'st-k'],
      ['st-k', false, 'st-a'],
      ['st-i', false, 'st-a'],
      // 2024-05-02 lies inside 2024: neither is after the other, both stand.
      ['st-a', true, null],
      ['st-l', true, null],
      // Undated statements cannot be placed after anything: they stand, as in version 1.
      ['st-d', true, null],
      ['st-e', true, null],
      ['st-g', true, null],
      ['st-h', true, null],
    ]);
  });

  it('pages through the same order, whatever the page size', async () => {
    for (const first of [1, 2, 5]) expect((await allPages(store, 'ent-x', first)).map(brief)).toEqual(EXPECTED);
    const page = timelineOf(await gql(store, TIMELINE, { id: 'ent-x', first: 3 }));
    expect(page.totalCount).toBe(12); // every page, not this one
    expect(page.nodes).toHaveLength(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(timelineOf(await gql(store, TIMELINE, { id: 'ent-x', first: 0 })).nodes).toEqual([]);
  });

  it('another entity sees only the statements on claims about it', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-y' }));
    expect(t.nodes.map((e) => e.statement.id)).toEqual(['st-0', 'st-b', 'st-d', 'st-g']);
    expect(timelineOf(await gql(store, TIMELINE, { id: 'ent-silent' }))).toEqual({
      totalCount: 0,
      pageInfo: { endCursor: null, hasNextPage: false },
      nodes: [],
    });
  });

  it('refuses a cursor of another entity, a made-up cursor and a bad page size, saying what came', async () => {
    const other = timelineOf(await gql(store, TIMELINE, { id: 'ent-y', first: 1 })).pageInfo.endCursor;
    const wrong = await gql(store, TIMELINE, { id: 'ent-x', after: other });
    expect(codes(wrong)).toEqual(['BAD_USER_INPUT']);
    expect(wrong.errors?.[0]?.message).toContain('the timeline of entity "ent-x"');
    const garbage = await gql(store, TIMELINE, { id: 'ent-x', after: 'not-a-cursor' });
    expect(codes(garbage)).toEqual(['BAD_USER_INPUT']);
    expect(garbage.errors?.[0]?.message).toContain('got "not-a-cursor"');
    const size = await gql(store, TIMELINE, { id: 'ent-x', first: 101 });
    expect(codes(size)).toEqual(['BAD_USER_INPUT']);
    expect(size.errors?.[0]?.message).toBe('Argument "first" must be an integer from 0 to 100, got 101.');
  });

  it('an unknown entity is NOT_FOUND', async () => {
    const result = await gql(store, TIMELINE, { id: 'ent-nope' });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.data?.entity).toBeNull();
  });
});

describe('Entity.timeline on a version 2 bundle: one entry per act of saying', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await emptyStore();
    const doc = (id: string, publishedAt: string | null) => ({ id, title: id, ...(publishedAt === null ? {} : { publishedAt }) });
    await importBundle(store, {
      format: 'claimgraph-bundle',
      version: 2,
      sources: [
        { id: 'src-ministry', name: 'Ministry of Defence', kind: 'ORGANIZATION', anonymous: false },
        { id: 'src-wire', name: 'Example Wire', kind: 'ORGANIZATION', anonymous: false },
        { id: 'src-weekly', name: 'The Weekly', kind: 'ORGANIZATION', anonymous: false },
      ],
      entities: [{ id: 'ent-strike', name: 'The strike' }],
      documents: [doc('d-wire', '2025-03-15T09:30Z'), doc('d-weekly', '2025-03'), doc('d-daily', '2025-03-16'), doc('d-inquiry', '2025-10-30')],
      claims: [
        { id: 'c-commander', text: 'The strike killed a militant commander.', about: ['ent-strike'] },
        { id: 'c-civilian', text: 'The man the strike killed was a civilian.', about: ['ent-strike'] },
      ],
      statements: [
        // Said once, printed three times: one entry, placed by the publication that ends first.
        {
          id: 'st-ministry-spring', source: 'src-ministry', claim: 'c-commander', stance: 'ASSERTS',
          appearances: [{ document: 'd-weekly' }, { document: 'd-daily', via: ['src-wire'] }, { document: 'd-wire' }],
        },
        // The weekly, in its own voice, repeating the ministry without saying so.
        { id: 'st-weekly-commander', source: 'src-weekly', claim: 'c-commander', stance: 'ASSERTS', derivedFrom: 'st-ministry-spring', appearances: [{ document: 'd-weekly' }] },
        // The inquiry's finding revises the spring announcement.
        { id: 'st-ministry-autumn', source: 'src-ministry', claim: 'c-civilian', stance: 'ASSERTS', date: '2025-10-29', madeAt: 'Wednesday', supersedes: ['st-ministry-spring'], appearances: [{ document: 'd-inquiry' }] },
      ],
      links: [{ type: 'CONTRADICTS', from: 'c-commander', to: 'c-civilian', linkedBy: 'test', reason: 'A civilian is not a militant commander.' }],
    }, { editor: 'test' });
  });
  afterAll(() => store.close());

  it('places a remark printed in three documents once, by the earliest publication (a month-only weekly ends after the wire of the 15th)', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-strike' }));
    expect(t.totalCount).toBe(3);
    expect(t.nodes.map(brief)).toEqual([
      ['st-ministry-spring', '2025-03-15T09:30Z', 'TIME', 'PUBLISHED', null],
      // Printed only in the weekly of March 2025: it follows what it repeats.
      ['st-weekly-commander', '2025-03', 'MONTH', 'PUBLISHED', null],
      ['st-ministry-autumn', '2025-10-29', 'DAY', 'SAID', 'Wednesday'],
    ]);
  });

  it('marks the revised announcement as superseded by the inquiry, and the weekly\'s copy of it as fallen with it', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-strike' }));
    expect(t.nodes.map(standing)).toEqual([
      ['st-ministry-spring', false, 'st-ministry-autumn'],
      // Derived from the spring announcement: a copied account does not outlive its source's correction.
      ['st-weekly-commander', false, 'st-ministry-autumn'],
      ['st-ministry-autumn', true, null],
    ]);
    const why = await gql(store, '{ statement(id: "st-ministry-spring") { supersession appearances { document { id: recordId } via { source { id: recordId } } } } }');
    expect(why.data?.statement).toEqual({
      supersession: 'EXPLICIT',
      appearances: [
        { document: { id: 'd-wire' }, via: [] },
        { document: { id: 'd-daily' }, via: [{ source: { id: 'src-wire' } }] },
        { document: { id: 'd-weekly' }, via: [] },
      ],
    });
  });
});

describe('Entity.timeline on the seed: the report gives no dates', () => {
  let store: GraphStore;
  // The seed file is version 1: read as plain JSON, not as the version 2 types.
  interface V1Seed {
    claims: { id: string; about: string[] }[];
    statements: { id: string; claim: string; madeAt?: string }[];
  }
  const bundle = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'dumayr.bundle.json'), 'utf8')) as V1Seed;
  /** The statements on claims about an entity, straight from the seed file (none of them a copy of another). */
  const statementsAbout = (entity: string): V1Seed['statements'] => {
    const claims = new Set(bundle.claims.filter((c) => c.about.includes(entity)).map((c) => c.id));
    return bundle.statements.filter((s) => claims.has(s.claim)).sort((a, b) => (a.id < b.id ? -1 : 1));
  };
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it.each(['ent-khaled-al-masoud', 'ent-us-military', 'ent-anti-is-coalition'])('%s: every date unknown, in statement id order, madeAt kept as text, every statement current', async (entity) => {
    const entries = await allPages(store, entity, 100);
    const expected = statementsAbout(entity);
    expect(expected.length).toBeGreaterThan(0);
    expect(entries.map(brief)).toEqual(expected.map((s) => [s.id, null, null, 'UNKNOWN', s.madeAt ?? null]));
    // Undated, nothing can be later than anything: no statement of the report is superseded.
    expect(entries.filter((e) => !e.statement.current)).toEqual([]);
  });

  it("Khaled al-Masoud's own statement is one entry, printed in the report via his mother", async () => {
    const result = await gql(store, `{ entity(id: "ent-khaled-al-masoud") { timeline(first: 100) { nodes { statement { id: recordId source { id: recordId } appearances { document { id: recordId } via { source { id: recordId } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data?.entity as { timeline: { nodes: { statement: { id: string; source: { id: string }; appearances: unknown[] } }[] } }).timeline.nodes;
    const his = nodes.filter((n) => n.statement.source.id === 'src-khaled-al-masoud');
    expect(his).toEqual([{ statement: {
      id: 'st-al-masoud-asserts-general-security-member',
      source: { id: 'src-khaled-al-masoud' },
      appearances: [{ document: { id: 'doc-dumayr-report' }, via: [{ source: { id: 'src-sabah-al-sheikh-al-kilani' } }] }],
    } }]);
  });

  it('the Sunday statement keeps "Sunday" as its text, and its date stays unknown', async () => {
    const entries = await allPages(store, 'ent-us-military', 100);
    expect(entries.find((e) => e.statement.id === 'st-centcom-asserts-caches-destroyed')).toEqual({
      statement: { id: 'st-centcom-asserts-caches-destroyed', current: true, supersededBy: null },
      date: null,
      precision: null,
      dateSource: 'UNKNOWN',
      dateText: 'Sunday',
    });
  });

  it('the statement of an entry resolves like any other: source, claim, document', async () => {
    const result = await gql(store, `{ entity(id: "ent-us-military") { timeline(first: 1) { nodes { statement { stance source { name } claim { id: recordId } document { id: recordId } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data?.entity as { timeline: { nodes: unknown[] } }).timeline.nodes).toEqual([
      { statement: { stance: 'ASSERTS', source: { name: 'Airwars' }, claim: { id: 'claim-us-operation-killed-al-masoud' }, document: { id: 'doc-dumayr-report' } } },
    ]);
  });

  it('costs one round trip for the timelines of every entity at one level', async () => {
    const recording = new RecordingStore(store);
    const result = await gql(recording, `{ claim(id: "claim-al-masoud-spied-for-sharaa-group-then-government") { about { id: recordId timeline(first: 3) { totalCount nodes { statement { id: recordId } } } } } }`);
    expect(result.errors).toBeUndefined();
    const about = (result.data?.claim as { about: { timeline: { totalCount: number } }[] }).about;
    expect(about).toHaveLength(5);
    expect(about.every((e) => e.timeline.totalCount > 0)).toBe(true);
    expect(recording.calls.filter((c) => c === 'entity-timeline')).toHaveLength(1);
  });
});
