/**
 * An entity's timeline: the statements on the claims about it, in the order
 * they were made or reported. The rule and the order are in
 * `cypher/entity-timeline.cypher` (sorted on the store); this module pages it
 * and maps the rows. docs/ANALYSIS-PROV.md states the rule.
 */
import { decodeOpaque, encodeOpaque } from '../api/pagination';
import { badInput, ClaimgraphError, show } from '../errors';
import { effectiveDate } from '../graph/positions';
import type { GraphStore, Row, Value } from '../store/port';

export const DATE_SOURCES = ['SAID', 'PUBLISHED', 'BEFORE_REVISION', 'UNKNOWN'] as const;
/** Which date places an entry: the statement's own, the earliest publication that printed it, the statement that revises it, or none. */
export type DateSource = (typeof DATE_SOURCES)[number];

export interface TimelineEntry {
  /** The statement's id; resolvers load it (one batched query per page). */
  statement: string;
  /** The ISO 8601 date the entry is placed by, as written, or null when unknown. */
  date: string | null;
  /** YEAR, MONTH, DAY or TIME; null when unknown. */
  precision: string | null;
  dateSource: DateSource;
  /** The statement's madeAt as the document gives it ("Sunday"); null when not given. */
  dateText: string | null;
  /** The sort key, for the cursor. */
  key: TimelineKey;
}

/** An entry's place: [rank (0 placed, 1 undated), end of its interval (or its reviser's) or '', precision rank (-1 before a revision, 0 TIME … 3 YEAR, 4 undated), statement id]. */
export interface TimelineKey {
  rank: 0 | 1;
  dateKey: string;
  precisionRank: number;
  statementId: string;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Entries on every page together. */
  total: number;
}

/** A position in one entity's timeline, as an opaque cursor (base64url JSON, the same scheme as the other lists). */
export function encodeTimelineCursor(entityId: string, key: TimelineKey): string {
  return encodeOpaque({ l: 'timeline', e: entityId, k: [key.rank, key.dateKey, key.precisionRank, key.statementId] });
}

/** Decodes `after` for `entityId`, or explains what was expected; null when none was given. */
export function decodeTimelineCursor(entityId: string, after: string | null | undefined): TimelineKey | null {
  if (after === null || after === undefined) return null;
  const fail = () =>
    badInput(`Argument "after" must be a cursor returned by a previous page of the timeline of entity ${show(entityId)}, got ${show(after)}.`, {
      argument: 'after',
    });
  const { l, e, k } = (decodeOpaque(after, fail) ?? {}) as { l?: unknown; e?: unknown; k?: unknown };
  if (l !== 'timeline' || e !== entityId || !Array.isArray(k) || k.length !== 4) throw fail();
  const [rank, dateKey, precisionRank, statementId] = k as unknown[];
  if ((rank !== 0 && rank !== 1) || typeof dateKey !== 'string' || typeof precisionRank !== 'number' || !Number.isInteger(precisionRank) || typeof statementId !== 'string') {
    throw fail();
  }
  return { rank, dateKey, precisionRank, statementId };
}

/** The publication date, as written, that a statement without a date of its own is placed by. */
function publishedValue(published: Value | undefined): string | null {
  const dates = Array.isArray(published) ? published.filter((p): p is string => typeof p === 'string') : [];
  return effectiveDate(null, dates)?.value ?? null;
}

function entryOf(v: Value): TimelineEntry {
  const o = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}) as Record<string, Value>;
  const dateSource = o.dateSource;
  const rank = o.rank;
  if (!DATE_SOURCES.includes(dateSource as DateSource) || (rank !== 0 && rank !== 1) || typeof o.dateKey !== 'string' || typeof o.statement !== 'string' || typeof o.precisionRank !== 'number') {
    throw new ClaimgraphError('INTERNAL', `The store returned a malformed timeline entry: ${show(v, 200)}`);
  }
  return {
    statement: o.statement,
    // A PUBLISHED date is the earliest publication of a document that printed it, by the rule the store placed it by.
    date: typeof o.date === 'string' ? o.date : dateSource === 'PUBLISHED' ? publishedValue(o.published) : null,
    precision: typeof o.precision === 'string' ? o.precision : null,
    dateSource: dateSource as DateSource,
    dateText: typeof o.dateText === 'string' ? o.dateText : null,
    key: { rank, dateKey: o.dateKey, precisionRank: o.precisionRank, statementId: o.statement },
  };
}

/**
 * One page of the timelines of several entities, in one query: up to `limit`
 * entries after `after` (the same position for all of them). An unknown
 * entity is absent from the map.
 */
export async function readTimelines(
  store: GraphStore,
  entityIds: readonly string[],
  page: { after: TimelineKey | null; limit: number },
): Promise<Map<string, TimelinePage>> {
  const rows: Row[] = await store.read('entity-timeline', {
    ids: [...entityIds],
    afterRank: page.after?.rank ?? null,
    afterDate: page.after?.dateKey ?? null,
    afterPrecision: page.after?.precisionRank ?? null,
    afterId: page.after?.statementId ?? null,
    limit: page.limit,
  });
  return new Map(
    rows.map((row) => [String(row.key), { total: Number(row.total ?? 0), entries: (Array.isArray(row.page) ? row.page : []).map(entryOf) }]),
  );
}
