import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundle } from '../../src/graph/import';
import type { Bundle } from '../../src/graph/model';
import type { GraphStore } from '../../src/store/port';
import { codes, emptyStore, gql, RecordingStore, seededStore, type GqlResult } from '../helpers';

interface Entry {
  statement: { id: string };
  date: string | null;
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
    totalCount pageInfo { endCursor hasNextPage } nodes { statement { id } date dateSource dateText }
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

const brief = (e: Entry) => [e.statement.id, e.date, e.dateSource, e.dateText];

describe('Entity.timeline on a small graph with mixed dates', () => {
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
          // "Sunday" is not ISO: the document's date places it; the text is kept.
          { id: 'st-b', source: 's1', claim: 'c2', stance: 'DENIES', madeAt: 'Sunday', document: 'd-iso' },
          { id: 'st-c', source: 's1', claim: 'c1', stance: 'ASSERTS', document: 'd-iso' },
          { id: 'st-d', source: 's1', claim: 'c2', stance: 'ASSERTS', madeAt: 'Sunday', document: 'd-none' },
          { id: 'st-e', source: 's1', claim: 'c1', stance: 'ASSERTS' },
          // An ISO madeAt wins over the document's date, even an earlier one.
          { id: 'st-f', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2023-12-31T22:00:00Z', document: 'd-iso' },
          // A date inside other words is not an ISO date, nor is "March 2024".
          { id: 'st-g', source: 's1', claim: 'c2', stance: 'ASSERTS', madeAt: 'not 2024-01-01', document: 'd-text' },
          { id: 'st-h', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-01-01 or so' },
          // Year-month precision is ISO 8601 too.
          { id: 'st-i', source: 's1', claim: 'c1', stance: 'ASSERTS', madeAt: '2024-04' },
        ],
      },
      { editor: 'test' },
    );
  });
  afterAll(() => store.close());

  const EXPECTED = [
    ['st-f', '2023-12-31T22:00:00Z', 'MADE', '2023-12-31T22:00:00Z'],
    ['st-b', '2024-03-01', 'REPORTED', 'Sunday'],
    ['st-c', '2024-03-01', 'REPORTED', null],
    ['st-i', '2024-04', 'MADE', '2024-04'],
    ['st-a', '2024-05-02', 'MADE', '2024-05-02'],
    ['st-d', null, 'UNKNOWN', 'Sunday'],
    ['st-e', null, 'UNKNOWN', null],
    ['st-g', null, 'UNKNOWN', 'not 2024-01-01'],
    ['st-h', null, 'UNKNOWN', '2024-01-01 or so'],
  ];

  it('orders known dates ascending, then the unknown ones by statement id, saying which date each used', async () => {
    const t = timelineOf(await gql(store, TIMELINE, { id: 'ent-x' }));
    expect(t.nodes.map(brief)).toEqual(EXPECTED);
    expect(t.totalCount).toBe(9);
    expect(t.pageInfo.hasNextPage).toBe(false);
  });

  it('pages through the same order, whatever the page size', async () => {
    for (const first of [1, 2, 4]) expect((await allPages(store, 'ent-x', first)).map(brief)).toEqual(EXPECTED);
    const page = timelineOf(await gql(store, TIMELINE, { id: 'ent-x', first: 3 }));
    expect(page.totalCount).toBe(9); // every page, not this one
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

describe('Entity.timeline on the seed: the report gives no dates', () => {
  let store: GraphStore;
  const bundle = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seed', 'dumayr.bundle.json'), 'utf8')) as Bundle;
  /** The statements on claims about an entity, straight from the seed file. */
  const statementsAbout = (entity: string): Bundle['statements'] => {
    const claims = new Set(bundle.claims.filter((c) => c.about.includes(entity)).map((c) => c.id));
    return bundle.statements.filter((s) => claims.has(s.claim)).sort((a, b) => (a.id < b.id ? -1 : 1));
  };
  beforeAll(async () => {
    store = await seededStore();
  });
  afterAll(() => store.close());

  it.each(['ent-khaled-al-masoud', 'ent-us-military', 'ent-anti-is-coalition'])('%s: every date unknown, in statement id order, madeAt kept as text', async (entity) => {
    const entries = await allPages(store, entity, 100);
    const expected = statementsAbout(entity);
    expect(expected.length).toBeGreaterThan(0);
    expect(entries.map(brief)).toEqual(expected.map((s) => [s.id, null, 'UNKNOWN', s.madeAt]));
  });

  it('the Sunday statement keeps "Sunday" as its text, and its date stays unknown', async () => {
    const entries = await allPages(store, 'ent-us-military', 100);
    expect(entries.find((e) => e.statement.id === 'st-centcom-asserts-caches-destroyed')).toEqual({
      statement: { id: 'st-centcom-asserts-caches-destroyed' },
      date: null,
      dateSource: 'UNKNOWN',
      dateText: 'Sunday',
    });
  });

  it('the statement of an entry resolves like any other: source, claim, document', async () => {
    const result = await gql(store, `{ entity(id: "ent-us-military") { timeline(first: 1) { nodes { statement { stance source { name } claim { id } document { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect((result.data?.entity as { timeline: { nodes: unknown[] } }).timeline.nodes).toEqual([
      { statement: { stance: 'ASSERTS', source: { name: 'Airwars' }, claim: { id: 'claim-us-operation-killed-al-masoud' }, document: { id: 'doc-dumayr-report' } } },
    ]);
  });

  it('costs one round trip for the timelines of every entity at one level', async () => {
    const recording = new RecordingStore(store);
    const result = await gql(recording, `{ claim(id: "claim-al-masoud-spied-for-sharaa-group-then-government") { about { id timeline(first: 3) { totalCount nodes { statement { id } } } } } }`);
    expect(result.errors).toBeUndefined();
    const about = (result.data?.claim as { about: { timeline: { totalCount: number } }[] }).about;
    expect(about).toHaveLength(5);
    expect(about.every((e) => e.timeline.totalCount > 0)).toBe(true);
    expect(recording.calls.filter((c) => c === 'entity-timeline')).toHaveLength(1);
  });
});
