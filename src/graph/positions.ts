/**
 * Positions over time: which statements are a source's current account and
 * which are superseded (docs/MODEL.md, "Positions over time"). Computed when
 * statements, their documents, the links between their claims or the
 * affiliations of their sources are written, and stored on each statement
 * (`current`, its dates, and a SUPERSEDED_BY relationship), so that every
 * analysis reads one flag.
 *
 * This module is the rule itself, free of the store: given statements with
 * their stances, dates and sources, and the links between their claims, it
 * says which supersede which.
 */
import { parsePartialDate, strictlyBefore, type DateInterval } from './dates';
import { SILENCES, type Stance } from './model';
import { normalizeText } from './names';

/**
 * Whether an affiliation's role makes the member its parent's voice: a
 * spokesperson or press secretary speaks for the organisation, so what they
 * say later can revise what it said (docs/MODEL.md, "Who can supersede
 * whom"). Any other member (an official, an analyst) speaks for itself.
 */
export function speaksForParent(role: string | null | undefined): boolean {
  if (role === null || role === undefined) return false;
  const words = ` ${normalizeText(role)} `;
  return /spokes(man|men|woman|women|person|persons|people) /.test(words) || / press (secretary|officer|attache) /.test(words) || / speaks? for /.test(words);
}

/** Which date places a statement: its own (`date`) or the earliest publication of a document that printed it. */
export const DATE_BASES = ['SAID', 'PUBLISHED'] as const;
export type DateBasis = (typeof DATE_BASES)[number];

/** A statement's effective date: the interval it was said in, and what that rests on. */
export interface EffectiveDate extends DateInterval {
  basis: DateBasis;
  /** The date as written: the statement's own, or the document's publication date. */
  value: string;
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
  if (own !== null && date !== null) return { ...own, basis: 'SAID', value: date };
  let best: (DateInterval & { value: string }) | null = null;
  for (const p of published) {
    const d = p === null ? null : parsePartialDate(p);
    if (d !== null && p !== null && (best === null || d.end < best.end || (d.end === best.end && d.start < best.start))) best = { ...d, value: p };
  }
  return best === null ? null : { ...best, basis: 'PUBLISHED' };
}

export const SUPERSESSION_REASONS = ['EXPLICIT', 'LATER', 'WITHDRAWN', 'CONTRADICTING_CLAIM', 'ORIGIN_SUPERSEDED', 'RETRACTED', 'ORIGIN_RETRACTED'] as const;
/**
 * Why a statement is superseded: an explicit revision; a later statement on
 * the same claim; a withdrawal; a later statement on another claim that
 * cannot be true together with it (a contradicting claim asserted, or the
 * claim's implications turned round); or, for a derived statement, the
 * statement it was derived from was superseded (a copied figure does not
 * outlive its source's correction). RETRACTED and ORIGIN_RETRACTED have no
 * superseding statement: every printing of the statement (or of the one it
 * was derived from) was withdrawn by its channel (docs/MODEL.md, "Retracted
 * printings").
 */
export type SupersessionReason = (typeof SUPERSESSION_REASONS)[number];

export interface PositionInput {
  id: string;
  source: string;
  /** The sources the statement's source is affiliated with, at any depth: they speak for it. */
  ancestors: readonly string[];
  /**
   * The spokespeople of the statement's source and of its ancestors (members
   * whose affiliation role {@link speaksForParent}): they speak for it too.
   */
  spokespeople?: readonly string[];
  /**
   * Whether the statement's source is anonymous. Only named members of one
   * organisation revise each other's figures ({@link revisesWithinRoot}): an
   * unnamed official's word is not the organisation's account, and a leak
   * does not replace what a named body said.
   */
  anonymous?: boolean;
  claim: string;
  stance: Stance;
  hedged: boolean;
  date: EffectiveDate | null;
  /** The statements this one explicitly revises (`supersedes`). */
  supersedes: readonly string[];
  /**
   * True when the statement was printed and every printing was withdrawn by
   * its channel (an appearance `retracted`): nothing left shows it was made.
   */
  retracted?: boolean;
  /** The statement this one was derived from, and what the store holds of its position when it is not among the inputs. */
  derivedFrom?: { id: string; current: boolean; supersededBy: string | null; revision: boolean; retraction?: RetractionReason | null } | null;
}

/** The links between claims that positions read: CONTRADICTS (either way) and IMPLIES (`from` implies `to`). */
export interface ClaimLinks {
  contradicts: readonly (readonly [string, string])[];
  implies: readonly (readonly [string, string])[];
}

export interface Position {
  current: boolean;
  /** The statement that supersedes this one (see {@link computePositions}); null when current. */
  supersededBy: string | null;
  reason: SupersessionReason | null;
  /**
   * Whether the superseding statement changed the account: an assertion or
   * denial followed by another claim, the other stance, another firmness or
   * a withdrawal (a conflict of kind REVISION). Saying the same thing again
   * supersedes without revising. False when current.
   */
  revision: boolean;
  /**
   * RETRACTED when every printing of the statement was withdrawn by its
   * channel, ORIGIN_RETRACTED when that holds of a statement it was derived
   * from (at any depth); null otherwise (left out: null).
   */
  retraction?: RetractionReason | null;
}

/** Why a statement stands on no live printing: its own were all withdrawn, or those of its origin. */
export type RetractionReason = 'RETRACTED' | 'ORIGIN_RETRACTED';

/** Whether `later` changes the account `earlier` gave (see Position.revision). */
export const revises = (earlier: Pick<PositionInput, 'claim' | 'stance' | 'hedged'>, later: Pick<PositionInput, 'claim' | 'stance' | 'hedged'>): boolean =>
  (earlier.stance === 'ASSERTS' || earlier.stance === 'DENIES') &&
  (later.claim !== earlier.claim || later.stance !== earlier.stance || later.hedged !== earlier.hedged);

const isSilence = (stance: Stance) => SILENCES.includes(stance);

/** The logic of the links: whether two claims contradict, and whether one implies the other (at any depth). */
class ClaimLogic {
  private readonly contra = new Set<string>();
  /** Each claim's CONTRADICTS partners, either way. */
  private readonly contraOf = new Map<string, string[]>();
  private readonly next = new Map<string, string[]>();
  /** IMPLIES turned round: the claims that imply each claim directly. */
  private readonly previous = new Map<string, string[]>();
  private readonly closure = new Map<string, Set<string>>();
  private readonly closureBack = new Map<string, Set<string>>();
  private readonly relatedTo = new Map<string, Set<string>>();

  constructor(links: ClaimLinks) {
    const push = (map: Map<string, string[]>, key: string, value: string) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [value]);
      else list.push(value);
    };
    for (const [a, b] of links.contradicts) {
      this.contra.add(`${a}\u0000${b}`);
      this.contra.add(`${b}\u0000${a}`);
      push(this.contraOf, a, b);
      push(this.contraOf, b, a);
    }
    for (const [a, b] of links.implies) {
      push(this.next, a, b);
      push(this.previous, b, a);
    }
  }

  /**
   * Every claim other than `a` on which a statement can be inconsistent with
   * one on `a` ({@link inconsistent}): the claims `a` implies, those that
   * imply it, and those that contradict it (through what either implies).
   * Empty for a claim without links, which is most claims: positions then
   * compare a statement only with statements on its own claim.
   */
  related(a: string): Set<string> {
    let found = this.relatedTo.get(a);
    if (found === undefined) {
      found = new Set([...this.reach(a), ...this.reachBack(a)]);
      for (const x of [a, ...this.reach(a)]) {
        for (const y of this.contraOf.get(x) ?? []) {
          found.add(y);
          for (const z of this.reachBack(y)) found.add(z);
        }
      }
      found.delete(a);
      this.relatedTo.set(a, found);
    }
    return found;
  }

  /**
   * Whether `a` and `b` cannot both be true: they, or claims they imply (at
   * any depth), are linked by CONTRADICTS. "Commander of the group" implies
   * "member of the group", which contradicts "a civilian".
   */
  contradicts(a: string, b: string): boolean {
    const as = [a, ...this.reach(a)];
    const bs = [b, ...this.reach(b)];
    return as.some((x) => bs.some((y) => this.contra.has(`${x}\u0000${y}`)));
  }

  /** Whether `a` implies `b` through one IMPLIES link or more. */
  implies(a: string, b: string): boolean {
    return this.reach(a).has(b);
  }

  /** The claims `a` implies, at any depth. */
  private reach(a: string): Set<string> {
    return ClaimLogic.closureOf(a, this.next, this.closure);
  }

  /** The claims that imply `a`, at any depth. */
  private reachBack(a: string): Set<string> {
    return ClaimLogic.closureOf(a, this.previous, this.closureBack);
  }

  private static closureOf(a: string, step: ReadonlyMap<string, string[]>, cache: Map<string, Set<string>>): Set<string> {
    let reach = cache.get(a);
    if (reach === undefined) {
      reach = new Set();
      const stack = [...(step.get(a) ?? [])];
      while (stack.length > 0) {
        const c = stack.pop() as string;
        if (reach.has(c)) continue;
        reach.add(c);
        stack.push(...(step.get(c) ?? []));
      }
      cache.set(a, reach);
    }
    return reach;
  }
}

/**
 * Whether `later` says something that cannot be true together with what
 * `earlier` said, on another claim: both assert claims that contradict each
 * other (directly or through what they imply); or one asserts a claim that
 * implies the claim the other denies.
 */
function inconsistent(earlier: PositionInput, later: PositionInput, logic: ClaimLogic): boolean {
  if (earlier.stance === 'ASSERTS' && later.stance === 'ASSERTS') return logic.contradicts(earlier.claim, later.claim);
  if (earlier.stance === 'DENIES' && later.stance === 'ASSERTS') return logic.implies(later.claim, earlier.claim);
  if (earlier.stance === 'ASSERTS' && later.stance === 'DENIES') return logic.implies(earlier.claim, later.claim);
  return false;
}

/**
 * Why `later` supersedes `earlier`, or null when it does not (explicit
 * revisions are handled by the caller). `later` is by the same source, or by
 * a source that speaks for the earlier one's (an organisation it is
 * affiliated with, or a spokesperson of one): such a source supersedes only
 * by saying something else (another stance or firmness, a withdrawal, an
 * inconsistent claim), never by saying the same thing again.
 */
function supersedes(later: PositionInput, earlier: PositionInput, logic: ClaimLogic): SupersessionReason | null {
  const own = later.source === earlier.source;
  const after = later.date !== null && earlier.date !== null && strictlyBefore(earlier.date, later.date);
  if (later.claim === earlier.claim) {
    // A withdrawal takes back everything before it, and what cannot be placed before or after it.
    const notAfter = !(later.date !== null && earlier.date !== null && strictlyBefore(later.date, earlier.date));
    if (later.stance === 'WITHDRAWS' && earlier.stance !== 'WITHDRAWS' && notAfter) return 'WITHDRAWN';
    // A later silence is no change of mind: "did not respond" leaves what was said standing.
    if (!after || (isSilence(later.stance) && !isSilence(earlier.stance))) return null;
    if (own) return 'LATER';
    return later.stance !== earlier.stance || later.hedged !== earlier.hedged ? 'LATER' : null;
  }
  return after && inconsistent(earlier, later, logic) ? 'CONTRADICTING_CLAIM' : null;
}

/**
 * Whether `later`, by another named member of the organisation `earlier`'s
 * source belongs to (the two share a root, one possibly above the other, and
 * `later`'s source does not speak for `earlier`'s), supersedes `earlier`: both firm assertions by named sources, of claims that
 * cannot both hold, `later` strictly after. A government whose committee said
 * 137 dead and whose ministry later said 144 now says 144 (docs/MODEL.md, "Who
 * can supersede whom"). Anything short of that leaves both standing: a hedge,
 * a doubt or a denial may be one body's dissent, and an anonymous voice is
 * not the organisation's (F3, F41 in test/fixtures/events/FINDINGS.md).
 */
function revisesWithinRoot(later: PositionInput, earlier: PositionInput, logic: ClaimLogic): SupersessionReason | null {
  if (later.anonymous === true || earlier.anonymous === true || later.claim === earlier.claim) return null;
  if (later.stance !== 'ASSERTS' || later.hedged || earlier.stance !== 'ASSERTS' || earlier.hedged) return null;
  const after = later.date !== null && earlier.date !== null && strictlyBefore(earlier.date, later.date);
  return after && logic.contradicts(earlier.claim, later.claim) ? 'CONTRADICTING_CLAIM' : null;
}

/**
 * The position of each of `targets` among `statements`. For each target,
 * `statements` must hold every statement that may supersede it: those of
 * its source, of the sources it is affiliated with and of their
 * spokespeople, on its claim and on
 * the claims linked to it by CONTRADICTS or IMPLIES (at any depth), the
 * statements of other members of its source's organisation on those linked
 * claims, and the statements that explicitly revise it. A statement is
 * current when nothing supersedes it; its `supersededBy` is an explicit
 * reviser if any (smallest id), else the earliest (by start, then id) of its
 * own source's later statements that supersede it, else the earliest of
 * those that speak for it, else the earliest of another named member's
 * ({@link revisesWithinRoot}).
 */
export function computePositions(statements: readonly PositionInput[], links: ClaimLinks, targets: Iterable<string> = statements.map((s) => s.id)): Map<string, Position> {
  const logic = new ClaimLogic(links);
  const byId = new Map(statements.map((s) => [s.id, s]));
  // By source, then by claim: only statements on the same claim or a related one can supersede
  // (see supersedes), so a source with a hundred thousand statements is not scanned whole for each.
  const bySource = new Map<string, Map<string, PositionInput[]>>();
  const revisedBy = new Map<string, string[]>();
  for (const s of statements) {
    let byClaim = bySource.get(s.source);
    if (byClaim === undefined) bySource.set(s.source, (byClaim = new Map()));
    const list = byClaim.get(s.claim);
    if (list === undefined) byClaim.set(s.claim, [s]);
    else list.push(s);
    for (const target of s.supersedes) {
      const revisers = revisedBy.get(target);
      if (revisers === undefined) revisedBy.set(target, [s.id]);
      else revisers.push(s.id);
    }
  }
  // For revisions within one organisation: the named firm dated assertions on
  // each claim, under each source they come from and each source above it (two
  // sources share a root exactly when their lines meet, as ancestors are
  // closed upward), so a target looks only at its own organisation's figures.
  const canRevise = (t: PositionInput) => t.anonymous !== true && t.stance === 'ASSERTS' && !t.hedged && t.date !== null;
  const figures = new Map<string, Map<string, PositionInput[]>>();
  for (const t of statements) {
    if (!canRevise(t)) continue;
    let byLine = figures.get(t.claim);
    if (byLine === undefined) figures.set(t.claim, (byLine = new Map()));
    for (const x of new Set([t.source, ...t.ancestors])) {
      const list = byLine.get(x);
      if (list === undefined) byLine.set(x, [t]);
      else list.push(t);
    }
  }
  // The earliest statement of another named member of `s`'s organisation that revises it (revisesWithinRoot).
  const earliestWithinRoot = (s: PositionInput, speakers: ReadonlySet<string>, related: ReadonlySet<string>): { t: PositionInput; reason: SupersessionReason } | null => {
    // Most statements are on claims with no link, or are no named firm assertion.
    if (related.size === 0 || !canRevise(s)) return null;
    const line = new Set([s.source, ...s.ancestors]);
    let found: { t: PositionInput; reason: SupersessionReason } | null = null;
    for (const claim of related) {
      const byLine = figures.get(claim);
      if (byLine === undefined) continue;
      for (const x of line) {
        for (const t of byLine.get(x) ?? []) {
          if (t.source === s.source || speakers.has(t.source)) continue;
          const reason = revisesWithinRoot(t, s, logic);
          if (reason !== null && (found === null || comesFirst(t, found.t))) found = { t, reason };
        }
      }
    }
    return found;
  };
  const out = new Map<string, Position>();
  for (const id of targets) {
    const s = byId.get(id);
    if (s === undefined) continue;
    const explicit = (revisedBy.get(id) ?? []).filter((r) => r !== id).sort();
    if (explicit.length > 0) {
      const by = explicit[0] as string;
      const t = byId.get(by);
      out.set(id, { current: false, supersededBy: by, reason: 'EXPLICIT', revision: t === undefined || revises(s, t) });
      continue;
    }
    // The earliest superseder among the statements of `speakers`.
    const related = logic.related(s.claim);
    const earliest = (speakers: Iterable<string>): { t: PositionInput; reason: SupersessionReason } | null => {
      let found: { t: PositionInput; reason: SupersessionReason } | null = null;
      const consider = (list: readonly PositionInput[] | undefined) => {
        for (const t of list ?? []) {
          if (t.id === s.id) continue;
          const reason = supersedes(t, s, logic);
          if (reason !== null && (found === null || comesFirst(t, found.t))) found = { t, reason };
        }
      };
      for (const speaker of speakers) {
        const byClaim = bySource.get(speaker);
        if (byClaim === undefined) continue;
        consider(byClaim.get(s.claim));
        // Whichever is smaller: the related claims, or the claims this speaker spoke on.
        if (related.size <= byClaim.size) for (const claim of related) consider(byClaim.get(claim));
        else for (const [claim, list] of byClaim) if (related.has(claim)) consider(list);
      }
      return found;
    };
    // The source's own superseders first: its own change of account is the revision to show.
    const speakers = new Set([...s.ancestors, ...(s.spokespeople ?? [])].filter((v) => v !== s.source));
    const best = earliest([s.source]) ?? earliest(speakers) ?? earliestWithinRoot(s, speakers, related);
    out.set(
      id,
      best === null
        ? { current: true, supersededBy: null, reason: null, revision: false }
        : { current: false, supersededBy: best.t.id, reason: best.reason, revision: revises(s, best.t) },
    );
  }
  // A derived statement stands on its origin: when what it was derived from
  // is revised (not merely said again), so is it, by the same statement
  // (along the whole chain). An origin outside the targets counts as the
  // store holds it (its own chain is already in that).
  const originPosition = (s: PositionInput, seen: Set<string>): Position | null => {
    const from = s.derivedFrom;
    if (from === null || from === undefined || seen.has(s.id)) return null;
    seen.add(s.id);
    const computed = out.get(from.id);
    const input = byId.get(from.id);
    if (computed === undefined || input === undefined) {
      return !from.current && from.revision ? { current: false, supersededBy: from.supersededBy, reason: 'ORIGIN_SUPERSEDED', revision: true } : null;
    }
    if (!computed.current && computed.revision) return computed;
    return originPosition(input, seen);
  };
  for (const [id, mine] of [...out]) {
    const s = byId.get(id);
    if (s === undefined || !mine.current) continue;
    const origin = originPosition(s, new Set());
    // Marked as a revision so that what was derived from this one falls too; no REVISION conflict is shown for it (its source changed nothing).
    if (origin !== null) out.set(id, { current: false, supersededBy: origin.supersededBy, reason: 'ORIGIN_SUPERSEDED', revision: true });
  }
  // A statement whose every printing its channels withdrew is no evidence that
  // it was made, and a copy of it stands on nothing (docs/MODEL.md, "Retracted
  // printings"). Kept apart from supersession, so that a copy reads it even
  // when its origin is also superseded; a statement that something supersedes
  // keeps that superseder and reason (its source's own change of account is
  // the more telling one). No revision: the source changed nothing.
  const retractedOrigin = (s: PositionInput, seen: Set<string>): boolean => {
    const from = s.derivedFrom;
    if (from === null || from === undefined || seen.has(s.id)) return false;
    seen.add(s.id);
    const input = byId.get(from.id);
    if (input === undefined) return from.retraction === 'RETRACTED' || from.retraction === 'ORIGIN_RETRACTED';
    return input.retracted === true || retractedOrigin(input, seen);
  };
  for (const [id, mine] of [...out]) {
    const s = byId.get(id);
    if (s === undefined) continue;
    const retraction: RetractionReason | null = s.retracted === true ? 'RETRACTED' : retractedOrigin(s, new Set()) ? 'ORIGIN_RETRACTED' : null;
    if (retraction === null) continue;
    out.set(id, mine.current ? { current: false, supersededBy: null, reason: retraction, revision: false, retraction } : { ...mine, retraction });
  }
  return out;
}

/** Whether a statement's printings leave it retracted: it has some, and every one was withdrawn by its channel. */
export const allPrintingsRetracted = (appearances: readonly { retracted?: unknown }[]): boolean =>
  appearances.length > 0 && appearances.every((a) => a.retracted !== undefined && a.retracted !== null);

/** Whether `a` comes before `b` as a superseder: dated before undated, by start, then by id. */
function comesFirst(a: PositionInput, b: PositionInput): boolean {
  const as = a.date?.start ?? '\uffff';
  const bs = b.date?.start ?? '\uffff';
  return as !== bs ? as < bs : a.id < b.id;
}

/** The stored form of an effective date (absent fields are null). */
export function storedDate(date: EffectiveDate | null): { dateStart: string | null; dateEnd: string | null; datePrecision: string | null; dateBasis: DateBasis | null } {
  return date === null
    ? { dateStart: null, dateEnd: null, datePrecision: null, dateBasis: null }
    : { dateStart: date.start, dateEnd: date.end, datePrecision: date.precision, dateBasis: date.basis };
}
