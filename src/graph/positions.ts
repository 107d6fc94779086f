/**
 * Positions over time: which statements are a source's current account and
 * which are superseded (docs/MODEL.md, "Positions over time"). Computed when
 * statements, their documents or the CONTRADICTS links between their claims
 * are written, and stored on each statement (`current`, its dates, and a
 * SUPERSEDED_BY relationship), so that every analysis reads one flag.
 *
 * This module is the rule itself, free of the store: given statements with
 * their stances and dates, it says which supersede which.
 */
import { parsePartialDate, strictlyBefore, type DateInterval, type DatePrecision } from './dates';
import { SILENCES, type Stance } from './model';

/** Which date places a statement: its own (`date`) or the earliest publication of a document that printed it. */
export const DATE_BASES = ['SAID', 'PUBLISHED'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

/** A statement's effective date: the interval it was said in, and what that rests on. */
export interface EffectiveDate extends DateInterval {
  basis: DateBasis;
}

/**
 * The effective date of a statement: its own `date`, else the earliest
 * `publishedAt` of the documents that printed it (it was said no later than
 * that), else none. Of several publication dates the one that ends first
 * counts (ties: the one that starts first). Dates that are not ISO 8601 are
 * ignored.
 */
export function effectiveDate(date: string | null, published: readonly (string | null)[]): EffectiveDate | null {
  const own = date === null ? null : parsePartialDate(date);
  if (own !== null) return { ...own, basis: 'SAID' };
  let best: DateInterval | null = null;
  for (const p of published) {
    const d = p === null ? null : parsePartialDate(p);
    if (d !== null && (best === null || d.end < best.end || (d.end === best.end && d.start < best.start))) best = d;
  }
  return best === null ? null : { ...best, basis: 'PUBLISHED' };
}

export const SUPERSESSION_REASONS = ['EXPLICIT', 'LATER', 'WITHDRAWN', 'CONTRADICTING_CLAIM'] as const;
/**
 * Why a statement is superseded: an explicit revision; a later statement on
 * the same claim; a withdrawal; a later assertion of a claim that contradicts
 * the one asserted before.
 */
export type SupersessionReason = (typeof SUPERSESSION_REASONS)[number];

export interface PositionInput {
  id: string;
  source: string;
  claim: string;
  stance: Stance;
  date: EffectiveDate | null;
  /** The statements this one explicitly revises (`supersedes`). */
  supersedes: readonly string[];
}

export interface Position {
  current: boolean;
  /** The statement that supersedes this one (see {@link computePositions}); null when current. */
  supersededBy: string | null;
  reason: SupersessionReason | null;
}

const isSilence = (stance: Stance) => SILENCES.includes(stance);

/** Why `later` supersedes `earlier` (both by one source), or null when it does not. Explicit revisions are handled by the caller. */
function supersedes(later: PositionInput, earlier: PositionInput, contradicts: (a: string, b: string) => boolean): SupersessionReason | null {
  const after = (a: PositionInput, b: PositionInput) => a.date !== null && b.date !== null && strictlyBefore(b.date, a.date);
  if (later.claim === earlier.claim) {
    // A withdrawal takes back everything before it, and what cannot be placed before or after it.
    if (later.stance === 'WITHDRAWS' && earlier.stance !== 'WITHDRAWS' && !after(earlier, later)) return 'WITHDRAWN';
    // A later silence is no change of mind: "did not respond" leaves what was said standing.
    if (after(later, earlier) && !(isSilence(later.stance) && !isSilence(earlier.stance))) return 'LATER';
    return null;
  }
  if (later.stance === 'ASSERTS' && earlier.stance === 'ASSERTS' && after(later, earlier) && contradicts(later.claim, earlier.claim)) return 'CONTRADICTING_CLAIM';
  return null;
}

/**
 * The position of each of `targets` among `statements` (which must include,
 * for each target, every statement of its source on its claim and on the
 * claims contradicting it, and the statements that explicitly revise it).
 * `contradictions` are the CONTRADICTS links among those claims, either
 * direction. A statement is current when nothing supersedes it; its
 * `supersededBy` is an explicit reviser if any (smallest id), else its
 * earliest superseder (by start, then id).
 */
export function computePositions(
  statements: readonly PositionInput[],
  contradictions: readonly (readonly [string, string])[],
  targets: Iterable<string> = statements.map((s) => s.id),
): Map<string, Position> {
  const pairs = new Set(contradictions.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  const contradicts = (a: string, b: string) => pairs.has(`${a}\u0000${b}`);
  const byId = new Map(statements.map((s) => [s.id, s]));
  const bySource = new Map<string, PositionInput[]>();
  const revisedBy = new Map<string, string[]>();
  for (const s of statements) {
    const list = bySource.get(s.source);
    if (list === undefined) bySource.set(s.source, [s]);
    else list.push(s);
    for (const target of s.supersedes) {
      const revisers = revisedBy.get(target);
      if (revisers === undefined) revisedBy.set(target, [s.id]);
      else revisers.push(s.id);
    }
  }
  const out = new Map<string, Position>();
  for (const id of targets) {
    const s = byId.get(id);
    if (s === undefined) continue;
    const explicit = (revisedBy.get(id) ?? []).filter((r) => r !== id).sort();
    if (explicit.length > 0) {
      out.set(id, { current: false, supersededBy: explicit[0] as string, reason: 'EXPLICIT' });
      continue;
    }
    let best: { t: PositionInput; reason: SupersessionReason } | null = null;
    for (const t of bySource.get(s.source) ?? []) {
      if (t.id === s.id) continue;
      const reason = supersedes(t, s, contradicts);
      if (reason !== null && (best === null || earlier(t, best.t))) best = { t, reason };
    }
    out.set(id, best === null ? { current: true, supersededBy: null, reason: null } : { current: false, supersededBy: best.t.id, reason: best.reason });
  }
  return out;
}

/** Whether `a` comes before `b` as a superseder: dated before undated, by start, then by id. */
function earlier(a: PositionInput, b: PositionInput): boolean {
  const as = a.date?.start ?? '\uffff';
  const bs = b.date?.start ?? '\uffff';
  return as !== bs ? as < bs : a.id < b.id;
}

/** The stored form of an effective date (absent fields are null). */
export function storedDate(date: EffectiveDate | null): { dateStart: string | null; dateEnd: string | null; datePrecision: DatePrecision | null; dateBasis: DateBasis | null } {
  return date === null
    ? { dateStart: null, dateEnd: null, datePrecision: null, dateBasis: null }
    : { dateStart: date.start, dateEnd: date.end, datePrecision: date.precision, dateBasis: date.basis };
}
