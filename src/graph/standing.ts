/**
 * Each claim's standing, kept up on write (cypher/write-claim-standing): its
 * status as far as it is decided without clusters (REFUTED, CONTESTED, or
 * SUPPORTED / UNVERIFIED by how many sources are firmly for it) and its
 * current-position counts, stored on the claim in the same transaction as
 * every write that changes a current position, a CONTRADICTS or IMPLIES
 * link, or an assessment, so that `claims(status:)` seeks by an index
 * instead of computing the status of every claim. With it, whether a current
 * statement on the claim itself asserts it (`directlyAsserted`) or denies it
 * (`directlyDenied`), which conflicts-page reads instead of walking each
 * claim's statements.
 */
import type { GraphStore, QueryRunner, Value } from '../store/port';
import { lockClaims } from './locks';

const strings = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Claims per scope query. */
const CLAIMS_PER_QUERY = 2000;
/**
 * Claims per standing write: each runs the independence rule (without
 * clusters) over the claim's sides, so a large import writes them a few
 * hundred at a time, well inside the engine's time limit per query
 * (measured: 2,000 claims of a 100k-statement graph exceeded Grafeo's 30 s
 * on a loaded machine).
 */
const STANDINGS_PER_QUERY = 250;

/**
 * The claims whose standing can change when the current statements on
 * `claims` change, or a link at one of them does (cypher/standing-scope).
 * Run it before removing a link or a claim, while the links still join them.
 */
export async function standingScope(tx: QueryRunner, claims: Iterable<string>): Promise<string[]> {
  const ids = [...new Set(claims)];
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CLAIMS_PER_QUERY) {
    const [row] = await tx.run('standing-scope', { claims: ids.slice(i, i + CLAIMS_PER_QUERY) });
    for (const id of strings(row?.claims)) found.add(id);
  }
  return [...found];
}

/** Writes the standing of exactly these claims (those that no longer exist are skipped). */
export async function writeStandings(tx: QueryRunner, claims: Iterable<string>): Promise<void> {
  const ids = [...new Set(claims)].sort();
  for (let i = 0; i < ids.length; i += STANDINGS_PER_QUERY) {
    const slice = ids.slice(i, i + STANDINGS_PER_QUERY);
    // Read after the lock: a concurrent writer's positions are committed first (src/graph/locks.ts).
    await lockClaims(tx, slice);
    await tx.run('write-claim-standing', { ids: slice });
  }
}

/** The standing of every claim that a change at `claims` can reach, written. */
export async function refreshStandings(tx: QueryRunner, claims: Iterable<string>): Promise<void> {
  await writeStandings(tx, await standingScope(tx, claims));
}

/** The standings of these claims as stored (cypher/claim-standings-by-ids), in id order. */
export async function storedStandings(runner: QueryRunner, ids: readonly string[]): Promise<Record<string, Value>[]> {
  const rows = await runner.run('claim-standings-by-ids', { ids: [...ids] });
  return rows.map((r) => r.standing as Record<string, Value>);
}

/**
 * Writes the standing of every claim from scratch, in one transaction: for a
 * graph stored before standings were kept (whose claims have none, and so
 * appear under no status), and to compare with what was kept up.
 * Returns how many claims were written.
 */
export async function rebuildStandings(store: GraphStore): Promise<number> {
  return store.transaction('WRITE', async (tx) => {
    const ids: string[] = [];
    for (let after = ''; ; ) {
      const rows = await tx.run('claims-page', { after, limit: 10_000 });
      ids.push(...rows.map((r) => String((r.claim as Record<string, Value>).id)));
      if (rows.length < 10_000) break;
      after = ids[ids.length - 1]!;
    }
    await writeStandings(tx, ids);
    return ids.length;
  });
}

/**
 * Writes every standing when some claim has none, or lacks `directlyAsserted`
 * or `directlyDenied` (a graph stored before they were kept: conflicts-page
 * would find no conflict on such a claim); returns how many claims were written.
 */
export async function rebuildStandingsIfMissing(store: GraphStore): Promise<number> {
  const [row] = await store.read('claims-without-standing');
  return Number(row?.total ?? 0) > 0 ? rebuildStandings(store) : 0;
}
