import type { StoreConfig } from '../config';
import { MODEL_MARKER_ID, readStoreModel } from '../store/model-version';
import { openStore } from '../store/open';
import type { GraphStore, TransactionTimeouts } from '../store/port';
import type { QueryTable } from '../store/queries';
import { aliasKeys, nameKey, nameSearchWords, searchText, searchWords, NAME_KEYS_VERSION } from './names';
import { rebuildStandings } from './standing';
import { skeletonKeys } from './resolve';

/*
 * Rebuilding the keys and search words a store holds when the rules that make
 * them change (docs/MODEL.md, "Names": "Stored keys"). The import computes
 * them from a record's name, aliases or words (src/graph/import.ts); a store
 * written before a change keeps the old ones, so search and matching by name
 * would read two rules at once. The store's model marker records the version
 * its keys were made with (`nameKeys`); a store with an older one (or none)
 * has them rebuilt once, when it is opened ({@link openGraphStore}, which the
 * commands use instead of src/store/open.ts `openStore`: the store layer does not
 * know the name rules), and the marker then says so: no scan at later opens.
 */

/** Records rewritten per write transaction. */
const BATCH = 2_000;

/**
 * Characters whose reading changed between key versions: a record none of
 * whose names or words holds one keeps its keys, so only these are read back
 * and rewritten. Version 2 (F19): apostrophes inside words no longer split them;
 * version 3 (F27): the hamza ʾ and ayn ʿ read as apostrophes.
 */
export const CHANGED_CHARACTERS = ["'", '’', '‘', 'ʼ', 'ʻ', 'ʾ', 'ʿ', '`', '´'] as const;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

/** What one node's keys are now: the same properties the import writes (src/graph/import.ts). */
interface RebuiltKeys {
  id: string;
  searchText: string;
  nameKey?: string;
  aliasKeys?: string[];
  skeletonKeys?: string[];
}

/** A source's or entity's keys, from its name and aliases. */
function namedKeys(record: Record<string, unknown>): RebuiltKeys {
  const name = text(record.name) ?? '';
  const aliases = strings(record.aliases);
  const words = nameSearchWords([name, ...aliases]);
  return { id: String(record.id), searchText: searchText(words), nameKey: nameKey(name), aliasKeys: aliasKeys(name, aliases), skeletonKeys: skeletonKeys({ name, aliases }) };
}

/** A document's, claim's or statement's search words, from the texts the import reads them from. */
function wordKeys(record: Record<string, unknown>): RebuiltKeys {
  const words = searchWords(Array.isArray(record.texts) ? (record.texts as unknown[]).map(text) : []);
  return { id: String(record.id), searchText: searchText(words) };
}

/**
 * Rewrites the keys and search words of every record whose names or words
 * hold a character the current rules read differently: one read of the
 * candidates (cypher/name-key-candidates, a pass over each label), then the
 * writes in batches. Returns how many records were rewritten. Idempotent.
 */
export async function rebuildNameKeys(store: GraphStore): Promise<number> {
  const [row] = await store.read('name-key-candidates', { marks: [...CHANGED_CHARACTERS] });
  const rebuilt: Record<string, RebuiltKeys[]> = {
    sources: records(row?.sources).map(namedKeys),
    entities: records(row?.entities).map(namedKeys),
    documents: records(row?.documents).map(wordKeys),
    claims: records(row?.claims).map(wordKeys),
    statements: records(row?.statements).map(wordKeys),
  };
  let rewritten = 0;
  for (const [param, rows] of Object.entries(rebuilt)) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const empty = { sources: [], entities: [], documents: [], claims: [], statements: [] };
      await store.write('rebuild-name-keys', { ...empty, [param]: rows.slice(i, i + BATCH) });
    }
    rewritten += rows.length;
  }
  return rewritten;
}

/**
 * Rebuilds the keys of a store whose marker records an older key version
 * (or none), then records the current one. `recorded` is what the marker
 * says (null: no marker, or no version recorded).
 */
export async function rebuildNameKeysIfOld(store: GraphStore, recorded: number | null): Promise<number> {
  if (recorded !== null && recorded >= NAME_KEYS_VERSION) return 0;
  const rewritten = await rebuildNameKeys(store);
  // Who is a party to a claim is found by name keys too, and a claim's status leaves its parties out:
  // the standings are written again with the keys (docs/ANALYSIS.md, "Interested parties").
  await rebuildStandings(store);
  await store.write('write-name-keys-version', { id: MODEL_MARKER_ID, version: NAME_KEYS_VERSION, at: new Date().toISOString() });
  return rewritten;
}

/**
 * Opens the configured store as `openStore` does (model check, schema,
 * marker), then, for a store on disk or on Neo4j, rebuilds its name keys if
 * its marker records older rules (one index lookup when they are current).
 * An in-memory store is new: nothing to rebuild.
 */
export async function openGraphStore(config: StoreConfig, queries?: QueryTable, options: { timeouts?: TransactionTimeouts } = {}): Promise<GraphStore> {
  const store = await openStore(config, queries, options);
  if (config.engine === 'embedded' && config.path === null) return store;
  try {
    await rebuildNameKeysIfOld(store, (await readStoreModel(store)).nameKeys);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
