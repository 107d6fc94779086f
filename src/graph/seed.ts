import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDir } from '../paths';
import type { GraphStore } from '../store/port';
import { parseBundle } from './bundle';
import { importBundle, type ImportReport } from './import';
import type { Bundle } from './model';

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

/** The editor identity the seed's records are recorded under. */
export const SEED_EDITOR = 'claimgraph-seed';

/** Counts nodes per label. */
export async function graphCounts(store: GraphStore): Promise<Record<string, number>> {
  const [row] = await store.read('graph-counts');
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Imports the seed (idempotent: re-seeding changes nothing). */
export function seed(store: GraphStore): Promise<ImportReport> {
  return importBundle(store, readSeedJson(), { editor: SEED_EDITOR });
}

/** Imports the seed only when the store holds no node at all; returns whether it did. */
export async function seedIfEmpty(store: GraphStore): Promise<boolean> {
  const counts = await graphCounts(store);
  if (Object.values(counts).some((n) => n > 0)) return false;
  await seed(store);
  return true;
}
