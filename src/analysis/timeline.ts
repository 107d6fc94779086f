/**
 * An entity's timeline: the statements on the claims about it, in the order
 * they were made or reported. The rule and the order are in
 * `cypher/entity-timeline.cypher` (sorted on the store); this module pages it
 * and maps the rows. docs/ANALYSIS-PROV.md states the rule.
 */
import { decodeOpaque, encodeOpaque } from '../api/pagination';
import { toStatement, type StatementNode } from '../api/records';
import { badInput, ClaimgraphError, show } from '../errors';
import type { GraphStore, Row, Value } from '../store/port';

export const DATE_SOURCES = ['MADE', 'REPORTED', 'UNKNOWN'] as const;
/** Which date an entry is placed by: the statement's madeAt, its document's publishedAt, or none. */
export type DateSource = (typeof DATE_SOURCES)[number];

export interface TimelineEntry {
  statement: StatementNode;
  /** The ISO 8601 date used for the order, or null when unknown. */
  date: string | null;
  dateSource: DateSource;
  /** The statement's madeAt as the document gives it ("Sunday"), ISO or not; null when not given. */
  dateText: string | null;
  /** The sort key, for the cursor: [rank (0 known, 1 unknown), date or '', statement id]. */
  key: TimelineKey;
}

export interface TimelineKey {
  rank: 0 | 1;
  dateKey: string;
  statementId: string;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Entries on every page together. */
  total: number;
}

/** A position in one entity's timeline, as an opaque cursor (base64url JSON, the same scheme as the other lists). */
export function encodeTimelineCursor(entityId: string, key: TimelineKey): string {
  return encodeOpaque({ l: 'timeline', e: entityId, k: [key.rank, key.dateKey, key.statementId] });
}

/** Decodes `after` for `entityId`, or explains what was expected; null when none was given. */
export function decodeTimelineCursor(entityId: string, after: string | null | undefined): TimelineKey | null {
  if (after === null || after === undefined) return null;
  const fail = () =>
    badInput(`Argument "after" must be a cursor returned by a previous page of the timeline of entity ${show(entityId)}, got ${show(after)}.`, {
      argument: 'after',
    });
  const { l, e, k } = (decodeOpaque(after, fail) ?? {}) as { l?: unknown; e?: unknown; k?: unknown };
  if (l !== 'timeline' || e !== entityId || !Array.isArray(k) || k.length !== 3) throw fail();
  const [rank, dateKey, statementId] = k as unknown[];
  if ((rank !== 0 && rank !== 1) || typeof dateKey !== 'string' || typeof statementId !== 'string') throw fail();
  return { rank, dateKey, statementId };
}

function entryOf(v: Value): TimelineEntry {
  const o = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}) as Record<string, Value>;
  const dateSource = o.dateSource;
  const rank = o.rank;
  if (!DATE_SOURCES.includes(dateSource as DateSource) || (rank !== 0 && rank !== 1) || typeof o.dateKey !== 'string') {
    throw new ClaimgraphError('INTERNAL', `The store returned a malformed timeline entry: ${show(v, 200)}`);
  }
  const statement = toStatement(o.statement);
  return {
    statement,
    date: typeof o.date === 'string' ? o.date : null,
    dateSource: dateSource as DateSource,
    dateText: typeof o.dateText === 'string' ? o.dateText : null,
    key: { rank, dateKey: o.dateKey, statementId: statement.id },
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
    afterId: page.after?.statementId ?? null,
    limit: page.limit,
  });
  return new Map(
    rows.map((row) => [String(row.key), { total: Number(row.total ?? 0), entries: (Array.isArray(row.page) ? row.page : []).map(entryOf) }]),
  );
}
