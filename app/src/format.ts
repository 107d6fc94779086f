import type { ClaimLinkType, ClaimStatus, Dated, Position, Reliability, SourceKind, SourceRef, Stance, Verdict } from './api';

/** Positions in the order the claim page groups them: for, hedged, against, doubtful, silent, taken back. */
export const POSITIONS: readonly Position[] = ['ASSERTS', 'HEDGES', 'DENIES', 'DOUBTS', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED', 'WITHDRAWS'];

export const POSITION_LABEL: Readonly<Record<Position, string>> = {
  ASSERTS: 'asserts',
  HEDGES: 'hedges',
  DENIES: 'denies',
  DOUBTS: 'doubts',
  NO_RESPONSE: 'no response',
  NOT_ACKNOWLEDGED: 'not acknowledged',
  WITHDRAWS: 'withdrawn',
};

export const POSITION_HEADING: Readonly<Record<Position, string>> = {
  ASSERTS: 'Asserting',
  HEDGES: 'Hedging (a hedged assertion)',
  DENIES: 'Denying',
  DOUBTS: 'Doubting (a hedged denial)',
  NO_RESPONSE: 'No response',
  NOT_ACKNOWLEDGED: 'Not acknowledged',
  WITHDRAWS: 'Withdrawn (took back what they said)',
};

export const STANCES: readonly Stance[] = ['ASSERTS', 'DENIES', 'WITHDRAWS', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'];
export const STANCE_LABEL: Readonly<Record<Stance, string>> = {
  ASSERTS: 'asserts (with a hedge: hedges)',
  DENIES: 'denies (with a hedge: doubts)',
  WITHDRAWS: 'withdraws what it said',
  NO_RESPONSE: 'did not respond',
  NOT_ACKNOWLEDGED: 'has not acknowledged',
};

export const STATUS_LABEL: Readonly<Record<ClaimStatus, string>> = {
  UNVERIFIED: 'Unverified',
  CORROBORATED: 'Corroborated',
  CONTESTED: 'Contested',
  REFUTED: 'Refuted',
};

export const STATUS_MEANING: Readonly<Record<ClaimStatus, string>> = {
  UNVERIFIED: 'Not corroborated by two independent clusters, and nobody is against it.',
  CORROBORATED: 'At least two independent clusters of sources assert it, and no source is against it.',
  CONTESTED: 'Some source is against it: denies or doubts it, or asserts a claim that contradicts it.',
  REFUTED: 'The latest editor’s assessment says it is false.',
};

export const KIND_LABEL: Readonly<Record<SourceKind, string>> = { PERSON: 'person', ORGANIZATION: 'organisation', GROUP: 'group', UNKNOWN: 'unknown kind' };

/** What a source is, in words: "anonymous group of 3", "organisation", "anonymous" (of a source of no stated kind). */
export function sourceNature(s: Pick<SourceRef, 'kind' | 'anonymous' | 'count'>): string {
  const kind = s.kind === 'GROUP' && s.count !== null ? `group of ${s.count}` : s.kind === 'UNKNOWN' ? '' : KIND_LABEL[s.kind];
  return [s.anonymous ? 'anonymous' : '', kind].filter((w) => w !== '').join(' ') || 'kind not stated';
}

export const RELIABILITY: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
export const RELIABILITY_LABEL: Readonly<Record<Reliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const VERDICTS: readonly Verdict[] = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE'];
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed: partly true, partly false',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNVERIFIABLE: 'Unverifiable',
};
/** The rating a verdict usually goes with (ClaimReview's 1 false to 5 true); the editor may change it. */
export const VERDICT_RATING: Readonly<Record<Verdict, number>> = { TRUE: 5, MOSTLY_TRUE: 4, MIXED: 3, MOSTLY_FALSE: 2, FALSE: 1, UNVERIFIABLE: 3 };

export const LINK_TYPES: readonly ClaimLinkType[] = ['CONTRADICTS', 'IMPLIES', 'SUPPORTS'];

/** How a link reads from the claim it is seen from. */
export function linkLabel(type: ClaimLinkType, outgoing: boolean): string {
  if (type === 'CONTRADICTS') return 'Contradicts';
  if (type === 'IMPLIES') return outgoing ? 'Implies (if this is true, so is)' : 'Implied by (if that is true, so is this)';
  return outgoing ? 'Supports' : 'Supported by';
}

export const SUPERSESSION_LABEL: Readonly<Record<string, string>> = {
  EXPLICIT: 'revised explicitly by a later statement',
  LATER: 'said something later on the same claim',
  WITHDRAWN: 'withdrawn',
  CONTRADICTING_CLAIM: 'later asserted something that cannot be true with it',
  ORIGIN_SUPERSEDED: 'the statement it was derived from was revised',
  RETRACTED: 'retracted: every document that printed it withdrew it',
  ORIGIN_RETRACTED: 'the statement it was derived from was retracted by every document that printed it',
};

/** A statement's date in words: when it was said, or the date of the earliest document that printed it. */
export function dateText(dated: Dated | null, madeAt: string | null = null): string {
  const own = madeAt === null ? '' : ` (“${madeAt}”)`;
  if (dated === null) return madeAt === null ? 'undated' : `“${madeAt}”, no date known`;
  return dated.basis === 'SAID' ? `said ${dated.value}${own}` : `printed by ${dated.value}${own}`;
}

/**
 * A count with thousands separators ("1,000"), as toLocaleString('en') writes
 * a whole number, without it: its first call in a page loads the browser's
 * number-formatting data, which took 80 ms of a claim page's first render.
 */
export const countText = (n: number): string => (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : String(n));

export const plural = (n: number, one: string, many = `${one}s`): string => `${countText(n)} ${n === 1 ? one : many}`;
