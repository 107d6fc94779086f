import type { Row, Value } from './port';

/**
 * Grafeo marks the identity of a returned node or edge with `_`-prefixed keys
 * (`_id`, `_labels`, `_source`, `_target`, `_type`). Engine identities are not
 * part of our data model (Neo4j's differ), so they are dropped.
 */
const ENGINE_KEYS: ReadonlySet<string> = new Set(['_id', '_labels', '_source', '_target', '_type']);
const isEngineKey = (key: string): boolean => key.charCodeAt(0) === 95 /* _ */ && ENGINE_KEYS.has(key);

/** Normalises one value the embedded engine returned into plain JSON. */
export function fromEmbedded(value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (Array.isArray(value)) return value.map(fromEmbedded);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Float32Array) return Array.from(value);
  // Every read maps every value: a plain loop, no entry arrays.
  const record = value as Record<string, unknown>;
  const out: Record<string, Value> = {};
  for (const key of Object.keys(record)) {
    if (!isEngineKey(key)) out[key] = fromEmbedded(record[key]);
  }
  return out;
}

export const rowFromEmbedded = (row: Record<string, unknown>): Row => fromEmbedded(row) as Row;
