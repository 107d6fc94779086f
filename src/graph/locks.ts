import type { QueryRunner } from '../store/port';

/*
 * Write locks that both engines honour inside a transaction. Neo4j runs
 * concurrent transactions at READ COMMITTED and does not serialise them: two
 * imports could both find a name absent and both create it, two assessments
 * both read max(seq). A lock here is a write to a node, made before the reads
 * it guards: Neo4j holds the node's exclusive lock until commit, so the second
 * transaction waits and then reads what the first committed; the embedded
 * engine (which also queues its writes) sees a write-write conflict and
 * retries. Locks are taken in sorted order, so two transactions never wait on
 * each other in a cycle (a deadlock would still only cost a retry).
 */

/**
 * The lock every import and every edit made through one takes before it reads
 * the stored names, ids and loops it decides on: on Neo4j such writes run one
 * at a time, as on the embedded engine; reads never wait.
 */
export const IMPORT_LOCK = 'import';

/** Takes the named locks for the rest of the transaction. */
export async function takeLocks(tx: QueryRunner, names: Iterable<string>): Promise<void> {
  const sorted = [...new Set(names)].sort();
  if (sorted.length > 0) await tx.run('take-locks', { names: sorted });
}

/** Locks the given claims (their nodes) for the rest of the transaction. */
export async function lockClaims(tx: QueryRunner, ids: Iterable<string>): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length > 0) await tx.run('lock-claims', { ids: sorted });
}
