/**
 * The embedded engine's own ceiling for an import, for `npm run bench:import`:
 * the graph an import wrote, read back (every node with its properties,
 * every relationship with its endpoints and properties), then created again
 * in a fresh store with the same schema, with nothing but the engine's
 * cheapest ways to create it:
 *
 * - `unwind`: one transaction, `UNWIND $rows CREATE` per label and
 *   `UNWIND $rows MATCH MATCH CREATE` per relationship type (endpoints by
 *   their indexed id), 1,000 rows a query: the fastest all-or-nothing path.
 * - `batch`: `batchCreateNodesWithProps` and `batchCreateEdges` (endpoints
 *   by the engine's node ids, no lookup). Each call commits on its own.
 * - `upsert`: `upsertNodes` and `upsertEdges`. Each call commits on its own,
 *   and an edge row must carry a key, so each relationship gets an `id`
 *   property the import does not store.
 *
 * Checked on @grafeo-db/js 0.6.0 (test/store/engine-bulk.test.ts): the bulk
 * calls run outside the transaction open beside them (a rollback of it
 * leaves their rows in place), so a sequence of them is not all or nothing,
 * and the importer does not use them; they are measured to show what an
 * import that gave that up could reach.
 *
 * The Cypher here is built per label and type, so it is not in cypher/: it
 * runs on the embedded engine only and writes nothing the API reads.
 */
import { GrafeoDB } from '@grafeo-db/js';
import { performance } from 'node:perf_hooks';
import { EmbeddedStore } from '../store/embedded-store';
import { loadQueries } from '../store/queries';

type Props = Record<string, unknown>;

/** The nodes of one label, with their properties as stored. */
interface NodeSet {
  label: string;
  /** The property that names a node of this label (`id`, or `key`/`name` for the few labels without one). */
  key: string;
  rows: Props[];
}

/** The relationships of one type between two labels. */
interface RelationshipSet {
  type: string;
  from: { label: string; key: string };
  to: { label: string; key: string };
  rows: { from: unknown; to: unknown; props: Props }[];
}

/** A graph as read back from a store: what the ceiling creates again. */
export interface GraphRows {
  nodes: NodeSet[];
  relationships: RelationshipSet[];
  nodeCount: number;
  relationshipCount: number;
}

export type CeilingPath = 'unwind' | 'batch' | 'upsert';

export interface CeilingResult {
  path: CeilingPath;
  seconds: number;
  cpuSeconds: number;
  /** Nodes and relationships in the fresh store afterwards, to check the same graph was made. */
  nodes: number;
  relationships: number;
}

/** Rows per query or per bulk call. */
const CHUNK = 1000;

const identifier = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Expected a plain label, type or property name, got ${JSON.stringify(name)}`);
  return name;
};

/** The property that names the nodes of a label: `id` unless the label has none. */
function keyOf(keys: ReadonlySet<string>, label: string): string {
  for (const key of ['id', 'key', 'name']) if (keys.has(key)) return key;
  throw new Error(`The nodes labelled ${label} have no id, key or name property to find them by.`);
}

/** Reads back every node and relationship of the graph `db` holds. */
export async function readGraph(db: GrafeoDB): Promise<GraphRows> {
  const labels = (await db.executeCypher('MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label')).toArray().map((r) => String(r.label));
  const nodes: NodeSet[] = [];
  const keys = new Map<string, string>();
  for (const label of labels.sort()) {
    const rows = (await db.executeCypher(`MATCH (n:${identifier(label)}) RETURN properties(n) AS p`)).toArray().map((r) => r.p as Props);
    const present = new Set(rows.flatMap((r) => Object.keys(r)));
    const key = keyOf(present, label);
    keys.set(label, key);
    nodes.push({ label, key, rows });
  }
  const shapes = (await db.executeCypher('MATCH (a)-[r]->(b) RETURN DISTINCT type(r) AS type, head(labels(a)) AS from, head(labels(b)) AS to')).toArray();
  const relationships: RelationshipSet[] = [];
  for (const shape of shapes) {
    const type = identifier(String(shape.type));
    const from = { label: identifier(String(shape.from)), key: keys.get(String(shape.from))! };
    const to = { label: identifier(String(shape.to)), key: keys.get(String(shape.to))! };
    const rows = (
      await db.executeCypher(`MATCH (a:${from.label})-[r:${type}]->(b:${to.label}) RETURN a.${from.key} AS f, b.${to.key} AS t, properties(r) AS p`)
    )
      .toArray()
      .map((r) => ({ from: r.f, to: r.t, props: r.p as Props }));
    relationships.push({ type, from, to, rows });
  }
  return {
    nodes,
    relationships,
    nodeCount: nodes.reduce((n, s) => n + s.rows.length, 0),
    relationshipCount: relationships.reduce((n, s) => n + s.rows.length, 0),
  };
}

/** A fresh in-memory engine with claimgraph's schema (the same constraints and indexes the import pays for). */
async function freshEngine(): Promise<GrafeoDB> {
  const db = GrafeoDB.create();
  await EmbeddedStore.over(db, loadQueries()).applySchema();
  return db;
}

async function counts(db: GrafeoDB): Promise<{ nodes: number; relationships: number }> {
  const [row] = (await db.executeCypher('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships')).toArray();
  return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
}

/** Creates `graph` again in a fresh engine by `path`, timed (wall and CPU of this process, engine threads included). */
export async function measureCeiling(graph: GraphRows, path: CeilingPath): Promise<CeilingResult> {
  const db = await freshEngine();
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    if (path === 'unwind') await createByUnwind(db, graph);
    else if (path === 'batch') await createByBatch(db, graph);
    else await createByUpsert(db, graph);
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - start) / 1000;
    return { path, seconds, cpuSeconds: (used.user + used.system) / 1e6, ...(await counts(db)) };
  } finally {
    db.close();
  }
}

/** `{a: row.a, b: row.b}` over every property any of the rows has (a missing one is null, and sets nothing). */
function propertyMap(rows: readonly Props[], from: string): string {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  return `{${[...keys].sort().map((k) => `${identifier(k)}: ${from}.${k}`).join(', ')}}`;
}

async function createByUnwind(db: GrafeoDB, graph: GraphRows): Promise<void> {
  const tx = db.beginTransaction();
  try {
    // A literal property map: about a quarter cheaper on this engine than `SET n = row` (measured).
    for (const set of graph.nodes) {
      const text = `UNWIND $rows AS row CREATE (n:${set.label} ${propertyMap(set.rows, 'row')})`;
      for (let i = 0; i < set.rows.length; i += CHUNK) await tx.executeCypher(text, { rows: set.rows.slice(i, i + CHUNK) });
    }
    for (const set of graph.relationships) {
      const text =
        `UNWIND $rows AS row MATCH (a:${set.from.label} {${set.from.key}: row.from}) MATCH (b:${set.to.label} {${set.to.key}: row.to}) ` +
        `CREATE (a)-[r:${set.type} ${propertyMap(set.rows.map((r) => r.props), 'row.props')}]->(b)`;
      for (let i = 0; i < set.rows.length; i += CHUNK) await tx.executeCypher(text, { rows: set.rows.slice(i, i + CHUNK) });
    }
    tx.commit();
  } catch (error) {
    if (tx.isActive) tx.rollback();
    throw error;
  }
}

async function createByBatch(db: GrafeoDB, graph: GraphRows): Promise<void> {
  // The engine's node ids, by label and key, for the edges' endpoints.
  const idOf = new Map<string, number>();
  for (const set of graph.nodes) {
    for (let i = 0; i < set.rows.length; i += CHUNK) {
      const rows = set.rows.slice(i, i + CHUNK);
      const ids = await db.batchCreateNodesWithProps(set.label, rows);
      rows.forEach((row, j) => idOf.set(`${set.label}\u0000${String(row[set.key])}`, ids[j]!));
    }
  }
  for (const set of graph.relationships) {
    for (let i = 0; i < set.rows.length; i += CHUNK) {
      const edges = set.rows.slice(i, i + CHUNK).map((r) => ({
        src: idOf.get(`${set.from.label}\u0000${String(r.from)}`)!,
        dst: idOf.get(`${set.to.label}\u0000${String(r.to)}`)!,
        type: set.type,
        properties: r.props,
      }));
      await db.batchCreateEdges(edges);
    }
  }
}

async function createByUpsert(db: GrafeoDB, graph: GraphRows): Promise<void> {
  for (const set of graph.nodes) {
    for (let i = 0; i < set.rows.length; i += CHUNK) await db.upsertNodes([set.label], set.rows.slice(i, i + CHUNK), { key: set.key });
  }
  let edgeKey = 0;
  for (const set of graph.relationships) {
    if (set.from.key !== set.to.key) throw new Error(`upsertEdges finds both endpoints by one property; ${set.type} joins ${set.from.key} to ${set.to.key}.`);
    for (let i = 0; i < set.rows.length; i += CHUNK) {
      // An edge row needs a key of its own (claimgraph's relationships have none): one more property per relationship.
      const rows = set.rows.slice(i, i + CHUNK).map((r) => ({ ...r.props, edgeKey: edgeKey++, src: r.from, dst: r.to }));
      await db.upsertEdges(set.type, rows, { key: 'edgeKey', endpointKey: set.from.key, endpointLabels: set.from.label === set.to.label ? [set.from.label] : [] });
    }
  }
}
