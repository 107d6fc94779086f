import { GrafeoDB } from '@grafeo-db/js';
import { loadQueries, loadSchemaStatements, QUERY_NAMES, type Query, type QueryName } from '../../src/store/queries';

/*
 * Every query that starts from ids must find its first node through an
 * index, not by scanning a label: at a million statements a label scan costs
 * tens of milliseconds where an index lookup costs a tenth of one. Checked on
 * Grafeo's own plans (`EXPLAIN <query>`), on a store with the embedded
 * schema applied.
 *
 * What Grafeo 0.6.0's EXPLAIN returns: one row `{plan}`, the operator tree as
 * text, one operator per line, children indented two spaces under their
 * parent, the root first. An index lookup reads
 *
 *     Filter (c.id Eq key) [index: id]
 *       NodeScan (c:Claim)
 *
 * (PROFILE shows it as one `NodeList (c.id Eq …, NodeScan c:Claim)`); a label
 * scan is a `NodeScan (v:Label)` without that index filter above it. A
 * `NodeScan (v:*)` over an input is a correlated variable rebound inside a
 * subquery, not a scan; one without an input scans every node. Parameters
 * are inlined in the plan, so a branch guarded by `WITH … WHERE $p IS NULL`
 * shows `Filter (IsNull "value")` under its scan, which then never runs.
 */

interface PlanLine {
  depth: number;
  text: string;
}

function parsePlan(plan: string): PlanLine[] {
  return plan
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ depth: (l.length - l.trimStart().length) / 2, text: l.trim() }));
}

/** The label scans of a plan that run: not under an index filter, not guarded by a filter these parameters make false. */
export function labelScans(plan: string): string[] {
  const lines = parsePlan(plan);
  const found: string[] = [];
  lines.forEach((line, i) => {
    const scan = /^NodeScan \((\w+):([\w*]+)\)/.exec(line.text);
    if (scan === null) return;
    const [, variable, label] = scan;
    // Its subtree: the following lines deeper than it.
    const subtree: PlanLine[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.depth > line.depth; j++) subtree.push(lines[j]!);
    const parent = lines.slice(0, i).reverse().find((l) => l.depth < line.depth);
    if (parent !== undefined && parent.text.startsWith(`Filter (${variable}.`) && parent.text.includes('[index:')) return;
    if (label === '*') {
      if (subtree.length === 0) found.push(`${line.text} (every node)`);
      return;
    }
    // A branch that these parameters switch off: a conjunction with
    // `IsNull "<a value>"` or `IsNotNull NULL` in it is false.
    if (subtree.some((l) => /^Filter \(.*(IsNull "|IsNotNull NULL)/.test(l.text) && !l.text.includes(' Or '))) return;
    found.push(line.text);
  });
  return found;
}

/** Parameters for a plan: one id in each id list, a first page, a small limit. */
function paramsFor(query: Query, given: Record<string, unknown> = {}): Record<string, unknown> {
  const value = (p: string): unknown => {
    if (p in given) return given[p];
    if (/^(ids|sources|entities|documents|claims|statements|keys)$/.test(p)) return ['some-id'];
    if (/^(afters|types)$/.test(p)) return [null];
    if (p === 'limit') return 3;
    if (/^after/.test(p)) return null;
    return 'some-id';
  };
  return Object.fromEntries(query.params.map((p) => [p, value(p)]));
}

/**
 * The lookups by id: every query a GraphQL level or an edit runs from given
 * ids. (The lists, counts, exports, the change log and the import's checks
 * read whole labels on purpose; they are not here.)
 */
const LOOKUPS: QueryName[] = QUERY_NAMES.filter(
  (name) =>
    /-by-(ids|claims|sources|documents|publishers)$/.test(name) ||
    /^(statement|source|member|link)-pages-by-/.test(name) ||
    /^deletion-scope-/.test(name) ||
    ['statement-relay-chain', 'ach-matrices', 'entity-timeline', 'affiliation-detours'].includes(name),
);

let db: GrafeoDB;
const table = loadQueries();

beforeAll(async () => {
  db = GrafeoDB.create();
  for (const statement of loadSchemaStatements('embedded')) await db.executeCypher(statement);
  // A few nodes, so that the planner sees labels that exist.
  await db.executeCypher(
    "CREATE (:Source {id: 's'})-[:MADE]->(:Statement {id: 'st', stance: 'ASSERTS'})-[:ON]->(:Claim {id: 'c', text: 'C'}), (:Document {id: 'd', title: 'D'}), (:Entity {id: 'e', name: 'E'})",
  );
});
afterAll(() => db.close());

async function explain(text: string, params: Record<string, unknown>): Promise<string> {
  const rows = (await db.executeCypher(`EXPLAIN ${text}`, params)).toArray() as { plan?: unknown }[];
  const plan = rows[0]?.plan;
  if (typeof plan !== 'string') throw new Error(`EXPLAIN gave no plan: ${JSON.stringify(rows)}`);
  return plan;
}

describe('query plans on the embedded engine', () => {
  it('covers the lookups by id of every GraphQL level', () => {
    expect(LOOKUPS).toEqual(
      expect.arrayContaining(['claims-by-ids', 'statement-pages-by-claims', 'statement-pages-by-sources', 'link-pages-by-claims', 'corroboration-by-claims']),
    );
  });

  it.each(LOOKUPS)('%s starts from an index, never a label scan', async (name) => {
    const plan = await explain(table[name].text, paramsFor(table[name]));
    expect(labelScans(plan)).toEqual([]);
  });

  // Found by this test: its OPTIONAL MATCHes were planned as joins whose right side expanded from every node.
  it('document-closure starts from an index, never a label scan', async () => {
    const plan = await explain(table['document-closure'].text, paramsFor(table['document-closure'], { document: 'd' }));
    expect(labelScans(plan)).toEqual([]);
  });

  it.each([
    ['a claim', { claimId: 'c', sourceId: null }],
    ['a source', { claimId: null, sourceId: 's' }],
    ['a claim and a source', { claimId: 'c', sourceId: 's' }],
  ])('conflicts-page for %s starts from it, never a label scan', async (_, filter) => {
    const plan = await explain(table['conflicts-page'].text, paramsFor(table['conflicts-page'], filter));
    expect(labelScans(plan)).toEqual([]);
  });

  it('sees the scan of conflicts-page without a filter, the one listing that scans', async () => {
    const plan = await explain(table['conflicts-page'].text, paramsFor(table['conflicts-page'], { claimId: null, sourceId: null }));
    expect(labelScans(plan)).toEqual(['NodeScan (a:Claim)']);
  });

  it('flags a lookup anchored the wrong way round, and one without an index', async () => {
    const wrongWay = await explain('MATCH (s:Source)-[:MADE]->(st:Statement {id: $id}) RETURN s.id', { id: 'st' });
    expect(labelScans(wrongWay)).toEqual(['NodeScan (s:Source)']);
    const rightWay = await explain('MATCH (st:Statement {id: $id})<-[:MADE]-(s:Source) RETURN s.id', { id: 'st' });
    expect(labelScans(rightWay)).toEqual([]);
    // Grafeo indexes nothing for a uniqueness constraint: without schema-embedded.cypher, a lookup scans.
    const bare = GrafeoDB.create();
    try {
      await bare.executeCypher("CREATE (:Claim {id: 'c'})");
      const rows = (await bare.executeCypher('EXPLAIN MATCH (c:Claim {id: $id}) RETURN c.id', { id: 'c' })).toArray() as { plan: string }[];
      expect(labelScans(rows[0]!.plan)).toEqual(['NodeScan (c:Claim)']);
    } finally {
      bare.close();
    }
  });

  it('flags an unlabelled node scan, and lets a rebound variable pass', () => {
    expect(labelScans('Return (n)\n  NodeScan (n:*)\n')).toEqual(['NodeScan (n:*) (every node)']);
    expect(labelScans('Return (st)\n  Expand (st)<-[:MADE]<-(src)\n    NodeScan (st:*)\n      Limit (3)\n')).toEqual([]);
  });
});
