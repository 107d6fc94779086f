import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importQuestions } from './ach';
import { seedDir } from '../paths';
import type { GraphStore } from '../store/port';
import { parseBundle } from '../graph/bundle';
import { importBundle, type ImportReport } from '../graph/import';
import type { Bundle } from '../graph/model';

/** The seed: the Dumayr report as a bundle (seed/dumayr.bundle.json). */
export const SEED_BUNDLE_FILE = 'dumayr.bundle.json';

/** The seed bundle as parsed JSON, untrusted until imported or parsed. */
export function readSeedJson(dir: string = seedDir()): unknown {
  return JSON.parse(readFileSync(join(dir, SEED_BUNDLE_FILE), 'utf8'));
}

/** Reads and validates the seed bundle; a broken seed fails loudly with every problem listed. */
export function loadSeedBundle(dir: string = seedDir()): Bundle {
  return parseBundle(readSeedJson(dir));
}

/** An editor's analysis of the seed, loaded after it: the Dumayr question (docs/ANALYSIS-ACH.md). */
export const SEED_QUESTIONS_FILE = 'dumayr-questions.json';

/** The editor identity the seed's records are recorded under. */
export const SEED_EDITOR = 'claimgraph-seed';

/** Counts nodes per label. */
export async function graphCounts(store: GraphStore): Promise<Record<string, number>> {
  const [row] = await store.read('graph-counts');
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/**
 * Imports the seed, then the editor's questions on it (idempotent: re-seeding
 * changes nothing; a stored question is left as an editor may have changed it).
 */
export async function seed(store: GraphStore): Promise<ImportReport> {
  const report = await importBundle(store, readSeedJson(), { editor: SEED_EDITOR });
  await importQuestions(store, JSON.parse(readFileSync(join(seedDir(), SEED_QUESTIONS_FILE), 'utf8')), { editor: SEED_EDITOR });
  return report;
}

/** Imports the seed only when the store holds no node at all; returns whether it did. */
export async function seedIfEmpty(store: GraphStore): Promise<boolean> {
  const counts = await graphCounts(store);
  if (Object.values(counts).some((n) => n > 0)) return false;
  await seed(store);
  return true;
}
