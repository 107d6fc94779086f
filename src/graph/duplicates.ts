/**
 * Records that may be one, for an editor to confirm (merge) or reject: never
 * merged alone (docs/MODEL.md, "Possible duplicates"). Sources and entities
 * that share a generic name or a skeleton (names.ts); claims whose wording is
 * alike.
 */
import { searchWords } from './names';

export const DUPLICATE_REASONS = ['GENERIC_NAME', 'SIMILAR_NAME', 'SIMILAR_TEXT'] as const;
/**
 * GENERIC_NAME: the same name that names no one in particular ("the family");
 * SIMILAR_NAME: the same name as spelled another way ("Khalid al-Masud");
 * SIMILAR_TEXT: two claims worded alike.
 */
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export type DuplicateLabel = 'Source' | 'Entity' | 'Claim';

/** A pair of records that may be one, lower id first. */
export interface PossibleDuplicate {
  label: DuplicateLabel;
  a: string;
  b: string;
  reason: DuplicateReason;
  /** The shared name key or skeleton; null for claims. */
  key: string | null;
  /** For claims, how alike their words are (0 to 1); null for names. */
  score: number | null;
}

/** How alike two claims' words must be (Jaccard index of their distinctive words) to be listed. */
export const SIMILAR_TEXT_THRESHOLD = 0.6;

/** The distinctive words of a claim's text: its search words without skeletons. */
export const textWords = (text: string): Set<string> => new Set(searchWords([text]).filter((w) => !w.startsWith('~')));

/** The Jaccard index of two sets of words: shared words over all words. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The pair, lower id first (code-unit order, as JavaScript sorts). */
export function pair(label: DuplicateLabel, x: string, y: string, reason: DuplicateReason, key: string | null, score: number | null): PossibleDuplicate {
  return x < y ? { label, a: x, b: y, reason, key, score } : { label, a: y, b: x, reason, key, score };
}

/**
 * Claims of `incoming` worded like another claim of `incoming` or of
 * `stored` (id and text each), scored by the Jaccard index of their
 * distinctive words, at least {@link SIMILAR_TEXT_THRESHOLD}.
 */
export function similarClaims(incoming: readonly { id: string; text: string }[], stored: readonly { id: string; text: string }[]): PossibleDuplicate[] {
  const words = new Map<string, Set<string>>();
  const wordsOf = (c: { id: string; text: string }) => {
    let w = words.get(c.id);
    if (w === undefined) words.set(c.id, (w = textWords(c.text)));
    return w;
  };
  const out = new Map<string, PossibleDuplicate>();
  const consider = (x: { id: string; text: string }, y: { id: string; text: string }) => {
    if (x.id === y.id) return;
    const score = jaccard(wordsOf(x), wordsOf(y));
    if (score < SIMILAR_TEXT_THRESHOLD) return;
    const p = pair('Claim', x.id, y.id, 'SIMILAR_TEXT', null, Math.round(score * 100) / 100);
    out.set(`${p.a}\u0000${p.b}`, p);
  };
  incoming.forEach((x, i) => {
    for (let j = i + 1; j < incoming.length; j++) consider(x, incoming[j] as { id: string; text: string });
    for (const y of stored) consider(x, y);
  });
  return [...out.values()].sort((p, q) => (p.a !== q.a ? (p.a < q.a ? -1 : 1) : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
