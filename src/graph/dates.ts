/**
 * Dates as reporting gives them: as precise as is known. "2021", "2021-09",
 * "2021-09-17" and "2021-09-17T14:05Z" are each an interval of time, and two
 * of them are ordered only when one ends before the other begins. A report
 * dated "2021-09" may come before or after one dated "2021-09-17": their
 * order is unknown, and nothing here pretends otherwise (docs/MODEL.md,
 * "Dates").
 */

export const DATE_PRECISIONS = ['YEAR', 'MONTH', 'DAY', 'TIME'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** An ISO 8601 date or date-time at any precision, as the bundle format accepts it. */
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/**
 * The interval a partial date stands for, in UTC, as fixed-width strings
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`), so that both engines and JavaScript compare
 * them as plain text in time order.
 */
export interface DateInterval {
  start: string;
  end: string;
  precision: DatePrecision;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoOf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}Z`;
}

/**
 * The interval of an ISO 8601 partial date, or null when `text` is not one
 * (or names a day that does not exist, such as 2021-02-30). A date without a
 * time is taken in UTC: reporting rarely gives the zone of a day. A
 * date-time without a zone is taken in UTC too.
 */
export function parsePartialDate(text: string): DateInterval | null {
  const m = ISO_PARTIAL.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  if (h === undefined) {
    // A whole year, month or day.
    const start = Date.UTC(year, month - 1, day);
    const next = d !== undefined ? Date.UTC(year, month - 1, day + 1) : mo !== undefined ? Date.UTC(year, month, 1) : Date.UTC(year + 1, 0, 1);
    // Date.UTC maps years 0–99 to 1900–1999; such dates are not news.
    if (year < 100) return null;
    return { start: isoOf(start), end: isoOf(next - 1), precision: d !== undefined ? 'DAY' : mo !== undefined ? 'MONTH' : 'YEAR' };
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59 || year < 100) return null;
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const start = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  // The unit the text names: a minute, a second, or a millisecond (fractions finer than that are dropped).
  const unit = s === undefined ? 60_000 : frac === undefined ? 1000 : 1;
  return { start: isoOf(start), end: isoOf(start + unit - 1), precision: 'TIME' };
}

/** Whether `text` is an ISO 8601 partial date the bundle format accepts. */
export const isPartialDate = (text: string): boolean => parsePartialDate(text) !== null;

/** True when `a` ends before `b` begins: the one order between two dates that is known. */
export const strictlyBefore = (a: DateInterval, b: DateInterval): boolean => a.end < b.start;

/** More precise first among dates that end together (TIME, DAY, MONTH, YEAR). */
export const PRECISION_ORDER: Readonly<Record<DatePrecision, number>> = { TIME: 0, DAY: 1, MONTH: 2, YEAR: 3 };

/**
 * The order of a timeline: by the end of each interval, then the more
 * precise first. A report dated only "2021-09" therefore comes after the
 * announcement of 2021-09-17 that it reports on. Returns < 0, 0 or > 0.
 */
export function compareForTimeline(a: DateInterval, b: DateInterval): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
}
