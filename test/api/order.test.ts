import { parsePartialDate } from '../../src/graph/dates';
import type { GraphStore } from '../../src/store/port';
import { codes, gql, seededStore } from '../helpers';

/*
 * `orderBy: NEWEST_FIRST` on a claim's and a source's statements: newest
 * first by the start of their date, undated last, a page at a time without
 * repeating or losing one.
 */

let store: GraphStore;
let claim: string;
let source: string;

interface Item {
  recordId: string;
  dated: { value: string } | null;
}
interface Page {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: Item[];
}

const ok = async (query: string, variables: Record<string, unknown> = {}, editor: string | null = null) => {
  const result = await gql(store, query, variables, editor);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, Record<string, Page>>;
};

/** The claim (or source) of the seed with the most statements. */
async function busiest(list: 'claims' | 'sources'): Promise<string> {
  const data = await ok(`{ ${list}(first: 100) { nodes { recordId statementsConnection(first: 1) { totalCount } } } }`);
  const nodes = (data[list] as unknown as { nodes: { recordId: string; statementsConnection: { totalCount: number } }[] }).nodes;
  return [...nodes].sort((a, b) => b.statementsConnection.totalCount - a.statementsConnection.totalCount)[0]!.recordId;
}

beforeAll(async () => {
  store = await seededStore();
  claim = await busiest('claims');
  source = await busiest('sources');
  // One statement dated after every other, one with no date at all (no date of its own, printed nowhere).
  for (const [id, date] of [['st-order-future', '2031-03-14'], ['st-order-undated', null]] as const) {
    await ok(`mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { recordId } } }`, {
      input: { id, source, claim, stance: 'ASSERTS', quote: 'For the order test.', date },
    }, 'alice@example.org');
  }
});
afterAll(() => store.close());

async function walk(root: string, order: string, first: number, current = ''): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = [];
  let after: string | null = null;
  let total = 0;
  for (let i = 0; i < 100; i++) {
    const data = await ok(`query($after: String) { ${root} { statementsConnection(first: ${first}, after: $after, orderBy: ${order}${current}) {
      totalCount pageInfo { endCursor hasNextPage } nodes { recordId dated { value } } } } }`, { after });
    const page = Object.values(data)[0]!.statementsConnection!;
    items.push(...page.nodes);
    total = page.totalCount;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { items, total };
}

/** Newest first: date starts never rise; one date, ids descending; undated last. */
function expectNewestFirst(items: Item[]) {
  const keys = items.map((s) => `${s.dated === null ? '' : parsePartialDate(s.dated.value)!.start} ${s.recordId}`);
  expect(keys).toEqual([...keys].sort().reverse());
}

describe.each([
  ['claim', () => `claim(id: "${claim}")`],
  ['source', () => `source(id: "${source}")`],
])('a %s\'s statements, newest first', (_, root) => {
  it('pages through every statement once, the newest first and the undated last', async () => {
    const byId = await walk(root(), 'ID', 100);
    const newest = await walk(root(), 'NEWEST_FIRST', 2);
    expect(newest.total).toBe(byId.total);
    expect(newest.items.map((s) => s.recordId).sort()).toEqual(byId.items.map((s) => s.recordId).sort());
    expect(newest.items.length).toBeGreaterThan(3);
    expect(newest.items[0]!.recordId).toBe('st-order-future');
    const undated = newest.items.findIndex((s) => s.dated === null);
    expect(newest.items.findIndex((s) => s.recordId === 'st-order-undated')).toBeGreaterThanOrEqual(undated);
    expect(newest.items.slice(undated).every((s) => s.dated === null)).toBe(true);
    expectNewestFirst(newest.items);
    // The plain list gives the first page of the same order.
    const data = await ok(`{ ${root()} { statements(first: 3, orderBy: NEWEST_FIRST) { recordId } } }`);
    expect((Object.values(data)[0] as unknown as { statements: { recordId: string }[] }).statements.map((s) => s.recordId)).toEqual(newest.items.slice(0, 3).map((s) => s.recordId));
  });

  it('refuses a cursor of the other order', async () => {
    const data = await ok(`{ ${root()} { statementsConnection(first: 1) { pageInfo { endCursor } } } }`);
    const cursor = Object.values(data)[0]!.statementsConnection!.pageInfo.endCursor;
    expect(codes(await gql(store, `query($after: String) { ${root()} { statementsConnection(first: 1, after: $after, orderBy: NEWEST_FIRST) { totalCount } } }`, { after: cursor }))).toEqual(['BAD_USER_INPUT']);
  });
});

it('keeps a claim\'s current statements only, newest first, when asked for both', async () => {
  const all = await walk(`claim(id: "${claim}")`, 'ID', 100, ', current: true');
  const newest = await walk(`claim(id: "${claim}")`, 'NEWEST_FIRST', 3, ', current: true');
  expect(newest.items.map((s) => s.recordId).sort()).toEqual(all.items.map((s) => s.recordId).sort());
  expect(newest.total).toBe(all.total);
  expectNewestFirst(newest.items);
});
