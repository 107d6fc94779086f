import { GrafeoDB } from '@grafeo-db/js';
import { loadQueries, loadSchemaStatements, NEO4J_ONLY_QUERIES, QUERY_NAMES, type Query, type QueryName } from '../../src/store/queries';

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

/**
 * The label scans of a plan that run: not under an index filter, not guarded
 * by a filter these parameters make false. An index filter may stand above
 * other filters on the same scan (`Filter (s.nameKey Eq key) [index: nameKey]`
 * over `Filter (Not s.anonymous)`): Grafeo's executor folds the chain into
 * one seek (PROFILE shows `NodeSeek`), so the scan does not run.
 */
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
    // The filters straight above it, nearest first.
    const filters: string[] = [];
    for (let j = i - 1, depth = line.depth; j >= 0; j--) {
      const above = lines[j]!;
      if (above.depth >= depth) continue;
      if (!above.text.startsWith('Filter (')) break;
      filters.push(above.text);
      depth = above.depth;
    }
    // An index seek (`[index: p]`) or a range seek (`[range: p]`, `c.id > $after`) on this variable.
    if (filters.some((f) => f.startsWith(`Filter (${variable}.`) && (f.includes('[index:') || f.includes('[range:')))) return;
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

/** Parameters for a plan: one id in each id list, a first page, a small limit, one row for a write. */
function paramsFor(query: Query, given: Record<string, unknown> = {}): Record<string, unknown> {
  const value = (p: string): unknown => {
    if (p in given) return given[p];
    if (/^(ids|sources|entities|documents|claims|statements|keys|skeletons|ratings|assessments|words|terms)$/.test(p)) return ['some-id'];
    if (/^(afters|types)$/.test(p)) return [null];
    if (p === 'rows') return [{ id: 'some-id' }];
    if (p === 'limit') return 3;
    if (p === 'current') return true;
    // A first page in id order: '' sorts before every id (src/api/pagination.ts, FIRST_PAGE).
    if (p === 'after') return '';
    if (/^after/.test(p)) return null;
    return 'some-id';
  };
  return Object.fromEntries(query.params.map((p) => [p, value(p)]));
}

/** Parameters some queries need to take the branch a caller takes. */
const GIVEN: Partial<Record<QueryName, Record<string, unknown>>> = {
  'reject-duplicate': { label: 'Source' },
  'possible-duplicates-page': { label: null },
  'import-relationship-fingerprints': { affiliations: [{ source: 's', parent: 'p' }], links: [{ type: 'CONTRADICTS', from: 'c', to: 'd' }] },
  'conflicts-page': { claimId: 'c', sourceId: null },
  'document-closure': { document: 'd' },
  'changes-page': { after: '~' },
  'claims-search-by-status': { standings: ['CONTESTED'], status: 'CONTESTED' },
  'claims-search-count-by-status': { standings: ['CONTESTED'], status: 'CONTESTED' },
  'claims-search': { fanout: 3 },
  'documents-search': { fanout: 3 },
};

/**
 * Queries that read whole labels on purpose: lists and counts (a page of
 * every claim), the export, the change log. Each with the scans its plan
 * must show and no other (an extra scan of every node would be a bug).
 */
const WHOLE_LABEL: Partial<Record<QueryName, string[]>> = {
  'claims-count': ['NodeScan (c:Claim)'],
  'claims-without-standing': ['NodeScan (c:Claim)'],
  // the start-up check and the rebuild of the independence keys (src/graph/independence.ts): every source and statement
  'independence-keys': ['NodeScan (s:Source)', 'NodeScan (st:Statement)'],
  'independence-keys-missing': ['NodeScan (s:Source)', 'NodeScan (st:Statement)'],
  'sources-count': ['NodeScan (s:Source)'],
  'entities-count': ['NodeScan (e:Entity)'],
  'documents-count': ['NodeScan (d:Document)'],
  'questions-count': ['NodeScan (q:Question)'],
  'assessed-claims': ['NodeScan (a:Assessment)'],
  'graph-counts': ['NodeScan (n:Source)', 'NodeScan (n:Entity)', 'NodeScan (n:Document)', 'NodeScan (n:Claim)', 'NodeScan (n:Statement)'],
  'export-sources': ['NodeScan (s:Source)'],
  'export-entities': ['NodeScan (e:Entity)'],
  'export-documents': ['NodeScan (d:Document)'],
  'export-claims': ['NodeScan (c:Claim)'],
  'export-statements': ['NodeScan (st:Statement)'],
  'export-questions': ['NodeScan (q:Question)'],
  'export-judgements': ['NodeScan (s:Source)', 'NodeScan (a:Assessment)'],
  // claimgraph migrate: reads a version 1 store whole, then deletes it whole, in one transaction each
  'migrate-v1-counts': [
    'NodeScan (n:Source)', 'NodeScan (n:Entity)', 'NodeScan (n:Document)', 'NodeScan (n:Claim)', 'NodeScan (n:Statement)',
    'NodeScan (n:Question)', 'NodeScan (n:Rating)', 'NodeScan (n:Assessment)', 'NodeScan (n:Change)', 'NodeScan (_anon_0:Statement)', 'NodeScan (_anon_2:Statement)',
  ],
  // a store written before the full-text indexes gets its search text at open: a pass over each searchable label
  'backfill-search-text': ['NodeScan (n:Claim)', 'NodeScan (n:Statement)', 'NodeScan (n:Source)', 'NodeScan (n:Entity)', 'NodeScan (n:Document)'],
  // a store whose name keys were made by older rules gets them rebuilt once, at open (src/graph/name-keys.ts): a pass over each searchable label
  'name-key-candidates': ['NodeScan (n:Source)', 'NodeScan (n:Entity)', 'NodeScan (n:Document)', 'NodeScan (n:Claim)', 'NodeScan (n:Statement)'],
  'migrate-v1-sources': ['NodeScan (s:Source)'],
  'migrate-v1-entities': ['NodeScan (e:Entity)'],
  'migrate-v1-documents': ['NodeScan (d:Document)'],
  'migrate-v1-claims': ['NodeScan (c:Claim)'],
  'migrate-v1-statements': ['NodeScan (st:Statement)'],
  'migrate-v1-questions': ['NodeScan (q:Question)'],
  'migrate-v1-judgements': ['NodeScan (s:Source)', 'NodeScan (a:Assessment)'],
  'migrate-v1-delete': [
    'NodeScan (n:Statement)', 'NodeScan (n:Question)', 'NodeScan (_anon_0:Source)', 'NodeScan (n:Assessment)',
    'NodeScan (n:Claim)', 'NodeScan (n:Document)', 'NodeScan (n:Entity)', 'NodeScan (n:Source)',
  ],
};

/**
 * Queries that must scan although they start from given values, and why:
 * they match inside list properties, which no index of either engine covers.
 * Each with the scans its plan shows, so that a new scan is still caught.
 */
const KNOWN_SCANS: Partial<Record<QueryName, { scans: string[]; reason: string }>> = {
  'possible-duplicates-page': {
    scans: ['NodeScan (x:Source)', 'NodeScan (x:Entity)', 'NodeScan (x:Claim)'],
    reason: 'lists every pending POSSIBLY_SAME pair (of every label, or of one) in key order: a list, not a lookup',
  },
  'statements-carried-by': {
    scans: ['NodeScan (st:Statement)'],
    reason: 'intermediaries are ids in the `via` lists of APPEARS_IN relationships, which no index covers; run only by a deletion preview of a source or document',
  },
  'sources-by-skeletons': { scans: ['NodeScan (s:Source)'], reason: 'skeletonKeys is a list (a name and its aliases), which no index covers; one pass per import' },
  'entities-by-skeletons': { scans: ['NodeScan (e:Entity)'], reason: 'skeletonKeys is a list, which no index covers; one pass per import' },
  'sources-by-name-keys': {
    scans: ['NodeScan (s:Source)'],
    reason: 'names seek by the nameKey index; aliases are a list (aliasKeys), matched in one pass over the sources',
  },
  'entities-by-name-keys': {
    scans: ['NodeScan (e:Entity)'],
    reason: 'names seek by the nameKey index; aliases are a list (aliasKeys), matched in one pass over the entities',
  },
  'model-v1-signs': {
    scans: [
      'NodeScan (st:Statement)', 'NodeScan (st:Statement)', 'NodeScan (st:Statement)', 'NodeScan (st:Statement)',
      'NodeScan (s:Source)', 'NodeScan (e:Entity)', 'NodeScan (d:Document)', 'NodeScan (c:Claim)',
    ],
    reason:
      'looks for records only version 1 wrote (a missing property, a relationship type no index covers on Grafeo), each branch stopping at its first row; ' +
      'run once per store, on a store without the model marker (src/store/model-version.ts), and by the migration',
  },
};

/**
 * Every other query starts from given ids (or keys): a GraphQL level, an
 * edit, an import's checks and writes, positions, merges, redirects. All of
 * them must seek by index; a new query is checked by default.
 */
const LOOKUPS: QueryName[] = QUERY_NAMES.filter((name) => !(name in WHOLE_LABEL) && !(name in KNOWN_SCANS) && !NEO4J_ONLY_QUERIES.includes(name));

/** Every page of a top-level list, with the parameters of a first page. */
const PAGES: [QueryName, Record<string, unknown>][] = [
  ['claims-page', { after: '' }],
  ['claims-page-by-status', { standing: 'CONTESTED', after: '' }],
  // Its rule reads the statements of the window's claims: after the limit.
  ['claims-status-window', { after: '' }],
  ['sources-page', { after: '' }],
  ['entities-page', { after: '' }],
  ['documents-page', { after: '' }],
  ['questions-page', { after: '' }],
  ['changes-page', { after: '~' }],
];

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
  it('covers the lookups by id of every GraphQL level, import, position refresh, merge and redirect', () => {
    expect(LOOKUPS).toEqual(
      expect.arrayContaining([
        'claims-by-ids', 'statement-pages-by-claims', 'statement-pages-by-sources', 'statement-pages-by-documents', 'link-pages-by-claims',
        'corroboration-by-claims', 'claims-about-entity-pages', 'document-texts', 'position-scope', 'position-inputs', 'write-positions',
        'import-redirects', 'create-redirects', 'merge-source-into', 'merge-entity-into', 'merge-claim-into', 'reject-duplicate',
        'import-fingerprints', 'import-loops', 'import-ratings', 'import-assessments', 'rate-source', 'assess-claim', 'delete-statements',
        // every edit finds its records by id: updates (through the import), renames, merges, deletions and their previews
        'existing-ids', 'audit-by-ids', 'import-sources', 'import-claims', 'import-statements', 'import-documents', 'import-entities',
        'rename-source', 'rename-entity', 'delete-claim', 'delete-source', 'delete-document', 'delete-entity',
        'deletion-scope-claim', 'deletion-scope-source', 'deletion-scope-statement', 'unlink-contradicts', 'unlink-implications', 'lock-claims',
        // the kept-up standing and the status pages that seek by it
        'standing-scope', 'write-claim-standing', 'claim-standings-by-ids', 'claims-status-window', 'claims-count-corroborated', 'claims-count-by-status',
        'claims-search-by-status', 'claims-search-count-by-status',
        // the independence keys kept up on write
        'write-source-roots', 'write-statement-origins',
        // ranked search: the candidates from the full-text indexes (src/graph/search.ts), each found again by id
        'claims-search', 'sources-search', 'entities-search', 'documents-search',
      ]),
    );
  });

  it('classifies every exemption under a query that exists, with a reason', () => {
    for (const name of [...Object.keys(WHOLE_LABEL), ...Object.keys(KNOWN_SCANS)]) expect(QUERY_NAMES).toContain(name);
    for (const { reason } of Object.values(KNOWN_SCANS)) expect(reason!.length).toBeGreaterThan(20);
  });

  it.each(LOOKUPS)('%s starts from an index, never a label scan', async (name) => {
    const plan = await explain(table[name].text, paramsFor(table[name], GIVEN[name]));
    expect(labelScans(plan)).toEqual([]);
  });

  it.each(Object.entries(WHOLE_LABEL))('%s reads its label whole, on purpose, and scans nothing else', async (name, scans) => {
    const query = table[name as QueryName];
    const plan = await explain(query.text, paramsFor(query, GIVEN[name as QueryName]));
    expect(labelScans(plan)).toEqual(scans);
  });

  it.each(Object.entries(KNOWN_SCANS))('%s is a known scan, and scans nothing more', async (name, known) => {
    const query = table[name as QueryName];
    const plan = await explain(query.text, paramsFor(query, GIVEN[name as QueryName]));
    // Printed so that the exemption is read, not just kept.
    console.log(`query-plans: ${name} scans ${known!.scans.join(', ')}: ${known!.reason}`);
    expect(labelScans(plan)).toEqual(known!.scans);
  });

  // Every page of a top-level list: the first node found by a seek (a range
  // on id, or the standing index), then the sort and the limit, and only then
  // the projection (its expansions run for the page's rows alone). No page
  // without a search touches statements (the quote search is its own query).
  it.each(PAGES)('%s seeks, then limits, then projects', async (name, given) => {
    const query = table[name];
    const plan = parsePlan(await explain(query.text, paramsFor(query, given)));
    expect(labelScans(plan.map((l) => `${'  '.repeat(l.depth)}${l.text}`).join('\n'))).toEqual([]);
    const limit = plan.findIndex((l) => l.text.startsWith('Limit ('));
    expect(limit).toBeGreaterThanOrEqual(0);
    const under = (i: number): PlanLine[] => {
      const out: PlanLine[] = [];
      for (let j = i + 1; j < plan.length && plan[j]!.depth > plan[i]!.depth; j++) out.push(plan[j]!);
      return out;
    };
    const found = plan.filter((l) => /^Filter \(\w+\.(id|standing) .*\[(range|index): (id|standing)\]/.test(l.text));
    // One seek starts the page, below the limit. The status window's rule also finds, by id, the claims
    // a denial reaches its claims through (whose parties it weighs): on the window's rows, after the limit.
    const seeks = found.filter((l) => under(limit).includes(l));
    expect(seeks).toHaveLength(1);
    expect(found.filter((l) => !seeks.includes(l)).map((l) => l.text)).toEqual(name === 'claims-status-window' ? [expect.stringMatching(/\.id Eq judged\) \[index: id\]$/)] : []);
    // The seek and the sort below the limit; every expansion (the projection's) outside it.
    expect(under(limit)).toEqual(expect.arrayContaining([seeks[0], expect.objectContaining({ text: expect.stringMatching(/^Sort \(\w+\.id (ASC|DESC)\)/) })]));
    expect(under(limit).filter((l) => l.text.startsWith('Expand'))).toEqual([]);
    if (name !== 'claims-status-window') expect(plan.filter((l) => /:ON\]|Statement/.test(l.text))).toEqual([]);
  });

  it('sees a page that projects before its limit, and one that runs a search it was not asked for', async () => {
    const early = parsePlan(await explain('MATCH (c:Claim) WHERE c.id > $after RETURN c {.id, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim ORDER BY claim.id LIMIT $limit', { after: '', limit: 3 }));
    const limit = early.findIndex((l) => l.text.startsWith('Limit ('));
    expect(early.slice(limit + 1).some((l) => l.text.startsWith('Expand'))).toBe(true);
    const guarded = await explain('MATCH (c:Claim) WHERE $after IS NULL OR c.id > $after WITH c ORDER BY c.id LIMIT $limit RETURN c.id', { after: 'x', limit: 3 });
    expect(labelScans(guarded)).toEqual(['NodeScan (c:Claim)']);
  });

  it.each(['Entity', 'Claim'])('reject-duplicate of a %s pair seeks by id as well', async (label) => {
    const plan = await explain(table['reject-duplicate'].text, paramsFor(table['reject-duplicate'], { label }));
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

  it('lets an index filter stand above other filters of the same scan, and no further', () => {
    const folded = 'Return (s)\n  Filter (s.nameKey Eq key) [index: nameKey]\n    Filter (Not s.anonymous)\n      NodeScan (s:Source)\n';
    expect(labelScans(folded)).toEqual([]);
    // An index filter on another variable, or above an operator that is not a filter, does not make a seek.
    expect(labelScans('Return (s)\n  Filter (t.id Eq key) [index: id]\n    Filter (Not s.anonymous)\n      NodeScan (s:Source)\n')).toEqual(['NodeScan (s:Source)']);
    expect(labelScans('Filter (s.id Eq key) [index: id]\n  Project (s)\n    NodeScan (s:Source)\n')).toEqual(['NodeScan (s:Source)']);
  });
});
