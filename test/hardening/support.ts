/**
 * Shared by the hardening tests: what "the graph did not change" means, and
 * how a rejection must look.
 */
import { createHash } from 'node:crypto';
import { ClaimgraphError } from '../../src/errors';
import { exportBundle } from '../../src/graph/export';
import { graphCounts } from '../../src/analysis/seed';
import type { GraphStore } from '../../src/store/port';

/** Node counts per label: one cheap query, checked after every input. */
export const counts = (store: GraphStore): Promise<Record<string, number>> => graphCounts(store);

/**
 * The whole graph as one hash: every record of a full export, audit fields
 * included, so a rolled-back update that left a property behind shows too.
 */
export async function exportHash(store: GraphStore): Promise<string> {
  return createHash('sha256').update(JSON.stringify(await exportBundle(store))).digest('hex');
}

export interface Snapshot {
  counts: Record<string, number>;
  hash: string;
}

export async function snapshot(store: GraphStore): Promise<Snapshot> {
  return { counts: await counts(store), hash: await exportHash(store) };
}

/** A problem as the bundle validator reports one. */
export interface Problem {
  path: string;
  expected: string;
  got: string;
}

/**
 * Throws unless `error` is the rejection of invalid input: a ClaimgraphError
 * BAD_USER_INPUT listing at least one problem, each with a path, what was
 * expected and what came. Returns the problems.
 */
export function expectBadInput(error: unknown, pathPrefix = '$'): Problem[] {
  if (!(error instanceof ClaimgraphError)) {
    throw new Error(`expected a ClaimgraphError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  if (error.code !== 'BAD_USER_INPUT') throw new Error(`expected BAD_USER_INPUT, got ${error.code}: ${error.message.slice(0, 300)}`);
  const problems = error.details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) throw new Error(`BAD_USER_INPUT without problems: ${error.message.slice(0, 300)}`);
  for (const p of problems as Problem[]) {
    if (typeof p.path !== 'string' || !p.path.startsWith(pathPrefix) || typeof p.expected !== 'string' || p.expected === '' || typeof p.got !== 'string') {
      throw new Error(`malformed problem: ${JSON.stringify(p).slice(0, 300)}`);
    }
  }
  return problems as Problem[];
}

/** A short description of a value for a failure message: its type and size, never a megabyte of it. */
export function summarize(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
  } catch {
    return `${Array.isArray(value) ? 'array' : typeof value} too deep to print`;
  }
}
