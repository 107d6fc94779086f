import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPathSegment,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
} from 'neo4j-driver';
import { ClaimgraphError } from '../errors';
import type { Params, Value } from './port';

type ValueMap = { [key: string]: Value };

/** 2^63 as a double: JS integers at or beyond it do not fit a Neo4j INTEGER. */
const INT64_LIMIT = 2 ** 63;

/**
 * Normalises what neo4j-driver returns into the port's plain JSON, so nothing
 * above the adapter ever sees a driver type:
 * - `Integer` → number when safe, else its decimal string (never a lossy number);
 * - temporal values → their ISO string;
 * - `Node` / `Relationship` → their properties (identity and labels dropped);
 * - `Path` → the list of its nodes' property maps, in order;
 * - `Point` → `{ srid, x, y }` plus `z` for 3D points;
 * - byte arrays → base64; lists and maps recursively; `undefined` → null.
 *
 * Throws INTERNAL for a value it does not know, rather than emit a half-copied object.
 */
export function fromNeo4j(value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
    case 'number':
      return value;
    case 'bigint':
      // Only with the driver's `useBigInt` option, which we do not set; handled for safety.
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    case 'object':
      break;
    default:
      throw unknownValue(value);
  }
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isNode(value) || isRelationship(value) || isUnboundRelationship(value)) {
    return mapOf(value.properties as Record<string, unknown>);
  }
  if (isPath(value)) {
    // A path's nodes are its start followed by each segment's end.
    return [fromNeo4j(value.start), ...value.segments.map((segment) => fromNeo4j(segment.end))];
  }
  if (isPathSegment(value)) {
    return { start: fromNeo4j(value.start), relationship: fromNeo4j(value.relationship), end: fromNeo4j(value.end) };
  }
  if (isPoint(value)) {
    const point: ValueMap = { srid: fromNeo4j(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (Array.isArray(value)) return value.map((item) => fromNeo4j(item));
  // The driver returns BYTE ARRAY values as Int8Array; any typed array is accepted.
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (isPlainObject(value)) return mapOf(value);
  throw unknownValue(value);
}

/**
 * Prepares parameters for the driver: every JS integer becomes a Neo4j
 * `Integer`, recursively through lists and plain maps. Without this the driver
 * sends JS numbers as floats, and Neo4j rejects a float for `LIMIT $first` or
 * `SKIP $offset` and stores `3.0` where `3` was meant. Floats, strings and other
 * values are left untouched; an integer beyond Neo4j's 64-bit range stays a
 * float rather than be clamped silently by `neo4j.int`.
 */
export function toNeo4jParams(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = toNeo4jValue(value);
  return out;
}

function toNeo4jValue(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < INT64_LIMIT ? neo4j.int(value) : value;
  }
  if (Array.isArray(value)) return value.map(toNeo4jValue);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toNeo4jValue(item);
    return out;
  }
  return value;
}

function mapOf(object: Record<string, unknown>): ValueMap {
  const out: ValueMap = {};
  for (const [key, item] of Object.entries(object)) out[key] = fromNeo4j(item);
  return out;
}

/** Objects built by `{}` / `Object.create(null)` only, so class instances are never copied field by field. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unknownValue(value: unknown): ClaimgraphError {
  const kind =
    typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : typeof value;
  return new ClaimgraphError('INTERNAL', `Neo4j returned a value of an unsupported type (${kind}).`);
}
