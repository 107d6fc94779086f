/*
 * W3C Web Annotation text-quote selectors: finding the words a selector
 * names in a text that may have been edited a little since, and making a
 * selector for words an editor selected. Pure functions (no DOM), so they
 * are tested in Node (test/app/anchor.test.ts).
 */

export interface QuoteSelector {
  exact: string;
  prefix?: string | null;
  suffix?: string | null;
}

export interface Range {
  start: number;
  end: number;
}

/** How many characters of context a new selector keeps on each side. */
export const CONTEXT = 32;

/** Characters in common at the end of `a` and the end of `b`. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Characters in common at the start of `a` and `b`. */
function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Every start of `exact` in `text`. */
function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/**
 * Where a selector's words stand in `text`, or null when they are not in it.
 * The exact words with their whole prefix and suffix first; else the
 * occurrence of the exact words whose surroundings agree most with the
 * prefix and suffix (so an edit of the context, or words that occur twice,
 * still anchor in the right place); else the exact words with their spaces
 * and line breaks read loosely (a reflowed text).
 */
export function anchor(text: string, selector: QuoteSelector): Range | null {
  const { exact } = selector;
  if (exact === '') return null;
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const whole = text.indexOf(prefix + exact + suffix);
  if (whole >= 0) return { start: whole + prefix.length, end: whole + prefix.length + exact.length };
  const found = occurrences(text, exact);
  if (found.length > 0) {
    let best = found[0]!;
    let bestScore = -1;
    for (const at of found) {
      const score = commonTail(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonHead(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
      if (score > bestScore) [best, bestScore] = [at, score];
    }
    return { start: best, end: best + exact.length };
  }
  const loose = new RegExp(exact.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const match = loose.exec(text);
  return match === null ? null : { start: match.index, end: match.index + match[0].length };
}

/** A selector for `text.slice(start, end)`, with up to CONTEXT characters of context on each side. */
export function selectorFor(text: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
}

/** A stretch of text and the anchored spans that cover it, outermost (longest) first. */
export interface Segment<T> {
  start: number;
  end: number;
  covering: (Range & { items: T[] })[];
}

/**
 * Cuts a text of `length` characters at every start and end of `spans`, so
 * that spans which nest or overlap (two speakers quoted in one sentence, a
 * word inside a longer quote) can be drawn as flat runs, each knowing every
 * span over it.
 */
export function segments<T>(length: number, spans: readonly (Range & { items: T[] })[]): Segment<T>[] {
  const cuts = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end])])].filter((n) => n >= 0 && n <= length).sort((a, b) => a - b);
  const out: Segment<T>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).sort((a, b) => b.end - b.start - (a.end - a.start));
    out.push({ start, end, covering });
  }
  return out;
}
