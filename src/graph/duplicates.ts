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

/** A word held by more claims than this is too common to find likely pairs by. */
const COMMON_WORD = 200;

/**
 * Claims of `incoming` worded like another claim of `incoming` or of
 * `stored` (id and text each), scored by the Jaccard index of their
 * distinctive words, at least {@link SIMILAR_TEXT_THRESHOLD}. Pairs already
 * linked (`linked`: "a\u0000b", either order) are not listed: an editor
 * drew the link knowing both. Only claims that share a word not too common
 * are compared, so the work grows with the claims, not with their pairs.
 */
export function similarClaims(
  incoming: readonly { id: string; text: string }[],
  stored: readonly { id: string; text: string }[],
  linked: ReadonlySet<string> = new Set(),
): PossibleDuplicate[] {
  const all = [...incoming.map((c) => ({ ...c, incoming: true })), ...stored.map((c) => ({ ...c, incoming: false }))];
  const words = all.map((c) => textWords(c.text));
  const holders = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      const list = holders.get(w);
      if (list === undefined) holders.set(w, [i]);
      else list.push(i);
    }
  });
  const out = new Map<string, PossibleDuplicate>();
  // Each claim's candidates are the claims after it that share a word not too common with it
  // (a set per claim, not one set of every pair tried: that set's string keys cost more than the scores).
  const candidates = new Set<number>();
  for (let i = 0; i < all.length; i++) {
    candidates.clear();
    for (const w of words[i] as Set<string>) {
      const list = holders.get(w) as number[];
      if (list.length < 2 || list.length > COMMON_WORD) continue;
      for (const j of list) if (j > i) candidates.add(j);
    }
    const a = all[i] as { id: string; incoming: boolean };
    for (const j of candidates) {
      const b = all[j] as { id: string; incoming: boolean };
      // A pair of stored claims was looked at when the later of them came in.
      if (a.id === b.id || (!a.incoming && !b.incoming)) continue;
      const key = a.id < b.id ? `${a.id}\u0000${b.id}` : `${b.id}\u0000${a.id}`;
      if (linked.has(key)) continue;
      const score = jaccard(words[i] as Set<string>, words[j] as Set<string>);
      if (score >= SIMILAR_TEXT_THRESHOLD) out.set(key, pair('Claim', a.id, b.id, 'SIMILAR_TEXT', null, Math.round(score * 100) / 100));
    }
  }
  return [...out.values()].sort((p, q) => (p.a !== q.a ? (p.a < q.a ? -1 : 1) : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
