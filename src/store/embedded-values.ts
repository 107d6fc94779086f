import type { Row, Value } from './port';

/**
 * Grafeo marks the identity of a returned node or edge with `_`-prefixed keys
 * (`_id`, `_labels`, `_source`, `_target`, `_type`). Engine identities are not
 * part of our data model (Neo4j's differ), so they are dropped.
 */
const ENGINE_KEY = /^_(id|labels|source|target|type)$/;

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
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Float32Array) return Array.from(value);
  if (Array.isArray(value)) return value.map(fromEmbedded);
  const out: Record<string, Value> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!ENGINE_KEY.test(key)) out[key] = fromEmbedded(v);
  }
  return out;
}

export const rowFromEmbedded = (row: Record<string, unknown>): Row => fromEmbedded(row) as Row;
