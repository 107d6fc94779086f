import type { GraphStore } from '../store/port';
import type { QueryName } from '../store/queries';
import { MODEL_MARKER_ID } from '../store/model-version';
import { aliasKeys, nameKey, nameSearchWords, searchText, searchWords, NAME_KEYS_VERSION } from './names';
import { skeletonKeys } from './resolve';

/*
 * Rebuilding the keys and search words a store holds when the rules that make
 * them change (docs/MODEL.md, "Names": "Stored keys"). The import computes
 * them from a record's name, aliases or words (src/graph/import.ts); a store
 * written before a change keeps the old ones, so search and matching by name
 * would read two rules at once. The store's model marker records the version
 * its keys were made with (`nameKeys`); a store with an older one (or none)
 * has them rebuilt once, when it is opened (src/store/open.ts), and the
 * marker then says so: no scan at later opens.
 */

/** Records read per page while rebuilding. */
const PAGE = 2_000;

/**
 * Characters whose reading changed between key versions: a record none of
 * whose words holds one keeps its keys, so only these are rewritten.
 * Version 2 (F19): apostrophes inside words no longer split them.
 */
const CHANGED_CHARACTERS = /['’‘ʼʻ`´]/;

type Texts = readonly (string | null | undefined)[];
const touched = (texts: Texts) => texts.some((t) => typeof t === 'string' && CHANGED_CHARACTERS.test(t));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What one node's keys are now: the same properties the import writes. */
interface RebuiltKeys {
  id: string;
  searchWords: string[];
  searchText: string;
  nameKey?: string;
  aliasKeys?: string[];
  skeletonKeys?: string[];
}

const wordsRow = (id: string, words: string[]): RebuiltKeys => ({ id, searchWords: words, searchText: searchText(words) });

/** A source's or entity's keys, from its name and aliases (as src/graph/import.ts writes them). */
function namedRow(record: Record<string, unknown>): RebuiltKeys | null {
  const name = text(record.name) ?? '';
  const aliases = strings(record.aliases);
  if (!touched([name, ...aliases])) return null;
  return {
    ...wordsRow(String(record.id), nameSearchWords([name, ...aliases])),
    nameKey: nameKey(name),
    aliasKeys: aliasKeys(name, aliases),
    skeletonKeys: skeletonKeys({ name, aliases }),
  };
}

function documentRow(record: Record<string, unknown>): RebuiltKeys | null {
  const title = text(record.title);
  return touched([title]) ? wordsRow(String(record.id), searchWords([title])) : null;
}

function claimRow(record: Record<string, unknown>): RebuiltKeys | null {
  const claimText = text(record.text);
  return touched([claimText]) ? wordsRow(String(record.id), searchWords([claimText])) : null;
}

function statementRow(record: Record<string, unknown>): RebuiltKeys | null {
  const appearances = Array.isArray(record.appearances) ? (record.appearances as Record<string, unknown>[]) : [];
  const texts = [text(record.quote), text(record.paraphrase), text(record.hedge), ...appearances.flatMap((ap) => [text(ap.quote), text(ap.paraphrase)])];
  return touched(texts) ? wordsRow(String(record.id), searchWords(texts)) : null;
}

/** Each label: the export query that reads its records page by page, how its keys are made, and the write's parameter. */
const LABELS: readonly { read: QueryName; rebuild: (record: Record<string, unknown>) => RebuiltKeys | null; param: string }[] = [
  { read: 'export-sources', rebuild: namedRow, param: 'sources' },
  { read: 'export-entities', rebuild: namedRow, param: 'entities' },
  { read: 'export-documents', rebuild: documentRow, param: 'documents' },
  { read: 'export-claims', rebuild: claimRow, param: 'claims' },
  { read: 'export-statements', rebuild: statementRow, param: 'statements' },
];

/**
 * Rewrites the keys and search words of every record whose words the
 * current rules read differently, a page per transaction. Returns how many
 * records were rewritten. Idempotent: a second run rewrites the same records
 * with the same values.
 */
export async function rebuildNameKeys(store: GraphStore): Promise<number> {
  let rewritten = 0;
  for (const label of LABELS) {
    let after: string | null = null;
    for (;;) {
      const rows = await store.read(label.read, { ids: null, after, limit: PAGE });
      const records = rows.map((row) => row.record as Record<string, unknown>);
      const rebuilt = records.map(label.rebuild).filter((row): row is RebuiltKeys => row !== null);
      if (rebuilt.length > 0) {
        const empty = { sources: [], entities: [], documents: [], claims: [], statements: [] };
        await store.write('rebuild-name-keys', { ...empty, [label.param]: rebuilt });
        rewritten += rebuilt.length;
      }
      if (records.length < PAGE) break;
      after = String(records[records.length - 1]?.id);
    }
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
  await store.write('write-name-keys-version', { id: MODEL_MARKER_ID, version: NAME_KEYS_VERSION, at: new Date().toISOString() });
  return rewritten;
}
