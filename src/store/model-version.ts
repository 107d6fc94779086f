/**
 * The graph model version of a store (docs/MODEL.md, "Model version"):
 * version 1 is what claimgraph 0.1 wrote (statements REPORTED_IN documents
 * and REPORTED_VIA statements, the stance HEDGES), version 2 what this
 * version reads and writes. A version 1 store read as version 2 gives wrong
 * counts without any error, so a store is checked when it is opened, and
 * one of version 1 is refused until `claimgraph migrate` upgrades it.
 *
 * How: every store this version opens (and finds free of version 1 records)
 * or migrates carries a marker node, `(:GraphModel {id: "claimgraph",
 * version: 2})`, found by its id through an index. Only a store without it
 * is searched for version 1 records (model-v1-signs.cypher: each kind at most
 * one row, a label scan at worst), once: then the marker is written.
 */
import { ClaimgraphError } from '../errors';
import type { GraphStore, QueryRunner } from './port';

/** The graph model this version reads and writes. */
export const MODEL_VERSION = 2;

/** The id of the one marker node. */
export const MODEL_MARKER_ID = 'claimgraph';

/** The command that upgrades a version 1 store, as messages name it. */
export const MIGRATE_COMMAND = 'npx claimgraph migrate';

/** What a store holds, as far as its model goes. */
export interface StoreModel {
  /**
   * 1: version 1 records found; 2: the marker says 2, or no version 1 record
   * was found (an empty store too); above 2: written by a later version.
   */
  version: number;
  /** The version the marker records, or null when the store has none. */
  marker: number | null;
  /** The version of the rules the store's name keys were made with (src/graph/names.ts), or null when none is recorded. */
  nameKeys: number | null;
  /** For version 1: what was found, one example of each kind ("statement st-x is REPORTED_IN a document"). */
  signs: string[];
}

const SIGNS: readonly [key: string, describe: (id: string) => string][] = [
  ['reportedIn', (id) => `statement ${JSON.stringify(id)} is REPORTED_IN a document`],
  ['reportedVia', (id) => `statement ${JSON.stringify(id)} is REPORTED_VIA another statement`],
  ['hedges', (id) => `statement ${JSON.stringify(id)} has the stance HEDGES`],
  ['withoutHedged', (id) => `statement ${JSON.stringify(id)} has no "hedged" property`],
  ['sourcesWithoutSearchWords', (id) => `source ${JSON.stringify(id)} has no search words`],
  ['entitiesWithoutSearchWords', (id) => `entity ${JSON.stringify(id)} has no search words`],
  ['documentsWithoutSearchWords', (id) => `document ${JSON.stringify(id)} has no search words`],
  ['claimsWithoutSearchWords', (id) => `claim ${JSON.stringify(id)} has no search words`],
];

/** Reads the store's model inside a transaction the caller holds (read or write). */
export async function readStoreModelWithin(tx: QueryRunner): Promise<StoreModel> {
  const [marked] = await tx.run('model-version', { id: MODEL_MARKER_ID });
  const marker = typeof marked?.version === 'number' ? marked.version : null;
  const nameKeys = typeof marked?.nameKeys === 'number' ? marked.nameKeys : null;
  // The marker is written only where no version 1 record was found, or by the migration: trust it.
  if (marker !== null) return { version: marker, marker, nameKeys, signs: [] };
  const [row] = await tx.run('model-v1-signs');
  const signs = SIGNS.flatMap(([key, describe]) => {
    const found = row?.[key];
    return Array.isArray(found) && typeof found[0] === 'string' ? [describe(found[0])] : [];
  });
  return { version: signs.length > 0 ? 1 : MODEL_VERSION, marker: null, nameKeys, signs };
}

/** Reads the store's model (one read transaction; writes nothing). */
export function readStoreModel(store: GraphStore): Promise<StoreModel> {
  return store.transaction('READ', readStoreModelWithin);
}

/** Writes the marker of the current model, inside a write transaction the caller holds. */
export async function writeModelMarkerWithin(tx: QueryRunner, now: string = new Date().toISOString()): Promise<void> {
  await tx.run('write-model-version', { id: MODEL_MARKER_ID, version: MODEL_VERSION, at: now });
}

/** The signs found, as a message gives them: the first two, then how many more. */
export function describeSigns(signs: readonly string[]): string {
  const more = signs.length - 2;
  return `${signs.slice(0, 2).join('; ')}${more > 0 ? `; and ${more} more sign${more === 1 ? '' : 's'} of version 1` : ''}`;
}

/**
 * The error for a store this version must not serve: version 1 (name the
 * migration) or a later version than this one. `where` names the store.
 */
export function modelError(model: StoreModel, where: string): ClaimgraphError {
  if (model.version > MODEL_VERSION) {
    return new ClaimgraphError(
      'STORE_UNAVAILABLE',
      `${where} holds a graph of model version ${model.version}, written by a later claimgraph; this one reads version ${MODEL_VERSION} only. Nothing was read or written: run the claimgraph that wrote it.`,
      { modelVersion: model.version, expected: MODEL_VERSION },
    );
  }
  return new ClaimgraphError(
    'STORE_UNAVAILABLE',
    `${where} holds a version 1 graph, written by claimgraph 0.1 (${describeSigns(model.signs)}). ` +
      `This version reads version ${MODEL_VERSION} only and would count it wrongly, so it did not open it, and nothing was written. ` +
      `Run "${MIGRATE_COMMAND}" to upgrade it in place, in one transaction (first "${MIGRATE_COMMAND} --dry-run --backup DIR" shows what it will do and keeps a copy of the data); see README.md, "Upgrading from 0.1".`,
    { modelVersion: 1, expected: MODEL_VERSION, command: MIGRATE_COMMAND },
  );
}
