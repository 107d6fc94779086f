/**
 * The independence keys, kept up on write: each source's top-level
 * affiliations (`roots`, cypher/write-source-roots), each source's group of
 * alike names (`alike`, cypher/write-source-alike: sources that may be one
 * under two spellings, listed as possible duplicates and not yet merged or
 * rejected) and each statement's origin (`origin`,
 * cypher/write-statement-origins: the source of the end of its DERIVED_FROM
 * chain, or its own source). The independence rule
 * (cypher/fragments/independence-rule) reads them, so that corroboration and
 * the status pages read only the records of the claims asked about, never
 * the affiliation trees or the derivation chains around them.
 *
 * Every write that can change one calls {@link refreshIndependence} in the
 * same transaction with what it touched; the queries widen that to every
 * source below a touched one and every statement derived from a touched one.
 */
import type { GraphStore, QueryRunner, Value } from '../store/port';

/** What a write touched, as far as the independence keys go. */
export interface IndependenceTouched {
  /** Sources that are new, renamed, merged into, or whose affiliations changed (or that lost a parent). */
  sources?: Iterable<string>;
  /** Statements written, or whose derivation changed. */
  statements?: Iterable<string>;
  /** Sources whose statements changed maker: merged into them, or renamed. */
  makers?: Iterable<string>;
  /**
   * Sources whose possible duplicates by spelling may have changed (a pair
   * listed, rejected, or moved by a merge; a neighbour deleted). `sources`
   * are refreshed too: a new source gets its (maybe empty) group.
   */
  alike?: Iterable<string>;
}

/** Ids per write query: a large import writes its keys a slice at a time. */
const IDS_PER_QUERY = 2000;

async function inSlices(ids: Iterable<string>, write: (slice: string[]) => Promise<unknown>): Promise<void> {
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += IDS_PER_QUERY) await write(all.slice(i, i + IDS_PER_QUERY));
}

/**
 * Writes the independence keys that a change at `touched` can reach, in the
 * caller's transaction. Run after the write (the keys are read from the
 * graph as it now is); for a removal of a source, pass its members, read
 * before it goes.
 */
export async function refreshIndependence(tx: QueryRunner, touched: IndependenceTouched): Promise<void> {
  await inSlices(touched.sources ?? [], (sources) => tx.run('write-source-roots', { sources }));
  await writeAlikeGroups(tx, [...(touched.sources ?? []), ...(touched.alike ?? [])]);
  await inSlices(touched.statements ?? [], (statements) => tx.run('write-statement-origins', { statements, makers: [] }));
  await inSlices(touched.makers ?? [], (makers) => tx.run('write-statement-origins', { statements: [], makers }));
}

/**
 * Writes `alike` on every source in the groups of alike names that `ids`
 * belong to: a group is the sources joined, at any distance, by possible
 * duplicates by spelling (cypher/source-alike-neighbours); each member of a
 * group of two or more gets [its smallest id], every other source []. Groups
 * are a handful of spellings of one name, so they are walked here, a
 * frontier at a time.
 */
async function writeAlikeGroups(tx: QueryRunner, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const neighbours = new Map<string, string[]>();
  for (let frontier = [...new Set(ids)]; frontier.length > 0; ) {
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += IDS_PER_QUERY) {
      for (const row of await tx.run('source-alike-neighbours', { ids: frontier.slice(i, i + IDS_PER_QUERY) })) {
        const alike = Array.isArray(row.alike) ? row.alike.map(String) : [];
        neighbours.set(String(row.id), alike);
        for (const t of alike) if (!neighbours.has(t)) next.add(t);
      }
    }
    frontier = [...next].filter((t) => !neighbours.has(t));
  }
  const group = new Map<string, string>();
  for (const start of [...neighbours.keys()].sort()) {
    if (group.has(start)) continue;
    // `start` is the smallest id not yet grouped, so the smallest of its group.
    const members = [start];
    group.set(start, start);
    for (let i = 0; i < members.length; i++) {
      for (const t of neighbours.get(members[i]!) ?? []) {
        if (!group.has(t)) {
          group.set(t, start);
          members.push(t);
        }
      }
    }
    if (members.length === 1) group.set(start, '');
  }
  const rows = [...group].map(([id, first]) => ({ id, alike: first === '' ? [] : [first] }));
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) await tx.run('write-source-alike', { rows: rows.slice(i, i + IDS_PER_QUERY) });
}

/** Every source's roots and alike group and every statement's origin as stored, in id order (null where none is stored). */
export interface StoredIndependence {
  sources: [id: string, roots: string[] | null, alike: string[] | null][];
  statements: [id: string, origin: string | null][];
}

export async function storedIndependence(runner: QueryRunner): Promise<StoredIndependence> {
  const [row] = await runner.run('independence-keys');
  const pairs = (v: Value | undefined): Value[][] => (Array.isArray(v) ? v.filter((x): x is Value[] => Array.isArray(x)) : []);
  return {
    sources: pairs(row?.sources).map(([id, roots, alike]) => [String(id), Array.isArray(roots) ? roots.map(String) : null, Array.isArray(alike) ? alike.map(String) : null]),
    statements: pairs(row?.statements).map(([id, origin]) => [String(id), typeof origin === 'string' ? origin : null]),
  };
}

/**
 * Writes every source's roots and every statement's origin from scratch, in
 * one transaction: for a graph stored before they were kept, and to compare
 * with what was kept up. Returns how many sources and statements were written.
 */
export async function rebuildIndependence(store: GraphStore): Promise<{ sources: number; statements: number }> {
  return store.transaction('WRITE', async (tx) => {
    const { sources, statements } = await storedIndependence(tx);
    await refreshIndependence(tx, { sources: sources.map(([id]) => id), statements: statements.map(([id]) => id) });
    return { sources: sources.length, statements: statements.length };
  });
}

/**
 * Writes every key when some source or statement has none (a graph written
 * by a claimgraph before they were kept); returns how many sources and
 * statements were written (0 and 0 when none was missing).
 */
export async function rebuildIndependenceIfMissing(store: GraphStore): Promise<{ sources: number; statements: number }> {
  const [row] = await store.read('independence-keys-missing');
  const missing = Number(row?.sources ?? 0) + Number(row?.statements ?? 0);
  return missing > 0 ? rebuildIndependence(store) : { sources: 0, statements: 0 };
}
