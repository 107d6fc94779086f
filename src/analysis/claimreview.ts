/**
 * An editor's latest assessment of a claim as a schema.org `ClaimReview`
 * (https://schema.org/ClaimReview), in JSON-LD. One named query
 * (`claim-reviews-by-claims`) reads what the review needs on the store; the
 * document is shaped here. docs/ANALYSIS.md gives the mapping.
 *
 * Every author is a Person or an Organization with a name, as the profile
 * asks: an anonymous source is named by its label ("Three Syrian officials
 * speaking anonymously"), a source of unknown kind is an Organization. A
 * document's url and date appear only when the graph knows them. The review's
 * author is the publishing organisation configured by
 * CLAIMGRAPH_PUBLISHER_NAME (and CLAIMGRAPH_PUBLISHER_URL); without one, the
 * editor who assessed the claim, and `claimReviewProblems` says so.
 */
import { ClaimgraphError, notFound, show } from '../errors';
import { parsePartialDate, strictlyBefore, type DateInterval } from '../graph/dates';
import type { SourceKind } from '../graph/model';
import type { GraphStore, Value } from '../store/port';
import { VERDICT_NAMES } from './credibility';
import { toAssessment, type AssessmentNode } from './judgements';

/** The editor identity recorded when a request names none (src/identity.ts). */
const ANONYMOUS_EDITOR = 'anonymous';

export type JsonLd = { [key: string]: JsonLdValue };
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

interface ReviewSource {
  id: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean;
}

interface ReviewDocument {
  id: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
}

/** What one ClaimReview is made of, as the query returns it. */
export interface ClaimReviewFacts {
  claim: { id: string; text: string };
  /** The latest assessment; null when the claim has none (then there is no review). */
  assessment: Omit<AssessmentNode, 'claim'> | null;
  authors: ReviewSource[];
  appearances: ReviewDocument[];
}

type Obj = { [key: string]: Value };
const isObj = (v: Value | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optStr = (o: Obj, key: string): string | null => (typeof o[key] === 'string' ? (o[key] as string) : null);

function broken(what: string, value: unknown): ClaimgraphError {
  return new ClaimgraphError('INTERNAL', `The store returned a malformed ${what}: ${show(value, 200)}`);
}

function toFacts(row: Obj): ClaimReviewFacts {
  if (typeof row.key !== 'string' || typeof row.text !== 'string') throw broken('claim review row', row);
  const authors = (Array.isArray(row.authors) ? row.authors : []).map((s): ReviewSource => {
    if (!isObj(s) || typeof s.id !== 'string' || typeof s.name !== 'string' || typeof s.kind !== 'string') throw broken('claim review author', s);
    return { id: s.id, name: s.name, kind: s.kind as SourceKind, anonymous: s.anonymous === true };
  });
  const appearances = (Array.isArray(row.appearances) ? row.appearances : []).map((d): ReviewDocument => {
    if (!isObj(d) || typeof d.id !== 'string' || typeof d.title !== 'string') throw broken('claim review appearance', d);
    return { id: d.id, title: d.title, url: optStr(d, 'url'), publishedAt: optStr(d, 'publishedAt') };
  });
  let assessment: ClaimReviewFacts['assessment'] = null;
  if (isObj(row.assessment)) {
    const { claim: _claim, ...rest } = toAssessment({ ...row.assessment, claim: row.key });
    assessment = rest;
  }
  return {
    claim: { id: row.key, text: row.text },
    assessment,
    // The engines collect in no set order; sorted, the output is stable.
    authors: authors.sort((x, y) => x.id.localeCompare(y.id)),
    appearances: appearances.sort((x, y) => x.id.localeCompare(y.id)),
  };
}

/** Reads the facts of the reviews of several claims in one query; unknown claims are missing from the map. */
export async function readClaimReviews(store: GraphStore, ids: readonly string[]): Promise<Map<string, ClaimReviewFacts>> {
  const rows = await store.read('claim-reviews-by-claims', { ids: [...ids] });
  return new Map(rows.map((row) => toFacts(row)).map((f) => [f.claim.id, f]));
}

/** A source as the author of a claim: a Person or an Organization, with a name (the profile requires both). */
function author(s: ReviewSource): JsonLd {
  // A group ("three officials", "the family") speaks as one body, and so does a voice of unknown kind.
  const node: JsonLd = { '@type': s.kind === 'PERSON' ? 'Person' : 'Organization', name: s.name };
  // An anonymous source's name is the label the graph knows it by; say that it is one.
  if (s.anonymous) node.description = 'A source whose identity was withheld; named by how it was described.';
  return node;
}

/** The organisation that publishes the fact-checks: the ClaimReview's author. */
export interface Publisher {
  name: string;
  url: string | null;
}

/** The publisher CLAIMGRAPH_PUBLISHER_NAME and CLAIMGRAPH_PUBLISHER_URL configure; null when no name is set. */
export function publisherFromEnv(env: NodeJS.ProcessEnv = process.env): Publisher | null {
  const name = env.CLAIMGRAPH_PUBLISHER_NAME?.trim() ?? '';
  if (name === '') return null;
  const url = env.CLAIMGRAPH_PUBLISHER_URL?.trim() ?? '';
  return { name, url: url === '' ? null : url };
}

/**
 * When the claim was published: the earliest date among the documents that
 * printed it (the one whose interval starts first), as written; null when no
 * document's date is known.
 */
function datePublished(documents: readonly ReviewDocument[]): string | null {
  let best: { start: string; value: string } | null = null;
  for (const d of documents) {
    const at = d.publishedAt === null ? null : parsePartialDate(d.publishedAt);
    if (at !== null && d.publishedAt !== null && (best === null || at.start < best.start)) best = { start: at.start, value: d.publishedAt };
  }
  return best?.value ?? null;
}

function creativeWork(d: ReviewDocument): JsonLd {
  const node: JsonLd = { '@type': 'CreativeWork', headline: d.title };
  if (d.url !== null) node.url = d.url;
  if (d.publishedAt !== null) node.datePublished = d.publishedAt;
  return node;
}

/**
 * The document where the claim first appeared, when that can be told: the
 * only appearance, or the one published strictly before every other (its
 * interval ends before each other's begins, in UTC: "2025-10" may come before
 * or after "2025-10-19"). Null otherwise, and when any date is unknown.
 */
export function firstAppearance(documents: readonly ReviewDocument[]): ReviewDocument | null {
  if (documents.length === 1) return documents[0] ?? null;
  const dated = documents.map((d) => ({ d, at: d.publishedAt === null ? null : parsePartialDate(d.publishedAt) }));
  if (dated.length === 0 || dated.some((x) => x.at === null)) return null;
  const first = dated.find((x) => dated.every((y) => y === x || strictlyBefore(x.at as DateInterval, y.at as DateInterval)));
  return first?.d ?? null;
}

/** The ClaimReview JSON-LD of the facts; null when the claim has no assessment. */
export function toClaimReview(facts: ClaimReviewFacts, publisher: Publisher | null = publisherFromEnv()): JsonLd | null {
  const a = facts.assessment;
  if (a === null) return null;
  const itemReviewed: JsonLd = { '@type': 'Claim' };
  if (facts.authors.length > 0) itemReviewed.author = facts.authors.map(author);
  if (facts.appearances.length > 0) itemReviewed.appearance = facts.appearances.map(creativeWork);
  const first = firstAppearance(facts.appearances);
  if (first !== null) itemReviewed.firstAppearance = creativeWork(first);
  const published = datePublished(facts.appearances);
  if (published !== null) itemReviewed.datePublished = published;
  const review: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: facts.claim.text,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: a.rating,
      bestRating: 5,
      worstRating: 1,
      alternateName: VERDICT_NAMES[a.verdict],
      ratingExplanation: a.explanation,
    },
    itemReviewed,
    author: reviewAuthor(a.by, publisher),
    datePublished: a.at,
  };
  if (a.url !== null) review.url = a.url;
  return review;
}

/**
 * The review's author: the publishing organisation; without one configured,
 * the editor who assessed the claim (an editor who gave no name is not given one).
 */
function reviewAuthor(editor: string, publisher: Publisher | null): JsonLd {
  if (publisher !== null) return publisher.url === null ? { '@type': 'Organization', name: publisher.name } : { '@type': 'Organization', name: publisher.name, url: publisher.url };
  return editor === ANONYMOUS_EDITOR ? { '@type': 'Person', description: 'an editor who gave no name' } : { '@type': 'Person', name: editor };
}

/**
 * What keeps a ClaimReview from being published as Google's ClaimReview
 * profile asks: no `url` (the page of the published fact-check, required),
 * no publishing organisation configured (the author is then the editor's
 * identity, often an e-mail address). Empty when it can be published.
 */
export function claimReviewProblems(review: JsonLd, publisher: Publisher | null = publisherFromEnv()): string[] {
  const problems: string[] = [];
  if (typeof review.url !== 'string') {
    problems.push('it has no url, which the ClaimReview profile requires: assess the claim again (assessClaim) with the url of the published fact-check');
  }
  if (publisher === null) {
    problems.push("no publishing organisation is configured, so its author is the editor's identity: set CLAIMGRAPH_PUBLISHER_NAME (and CLAIMGRAPH_PUBLISHER_URL)");
  }
  return problems;
}

/** A feed of ClaimReviews, with the claims left out of it and why. */
export interface ClaimReviewFeed {
  feed: JsonLd;
  /** Assessed claims whose review cannot be published (no url), in id order. */
  omitted: { claim: string; problem: string }[];
  /** What holds for the whole feed (no publishing organisation configured). */
  problems: string[];
}

/** Claims whose reviews are read in one query. */
const FEED_BATCH = 500;

/**
 * Every assessed claim's latest assessment as one schema.org DataFeed of
 * ClaimReviews, in claim id order, as fact-checking organisations publish
 * them. A review without a url is left out (the profile requires one) and
 * listed in `omitted`.
 */
export async function claimReviewFeed(store: GraphStore, publisher: Publisher | null = publisherFromEnv(), now: Date = new Date()): Promise<ClaimReviewFeed> {
  const ids = (await store.read('assessed-claims', {})).map((row) => String(row.id));
  const elements: JsonLd[] = [];
  const omitted: ClaimReviewFeed['omitted'] = [];
  for (let i = 0; i < ids.length; i += FEED_BATCH) {
    const batch = ids.slice(i, i + FEED_BATCH);
    const facts = await readClaimReviews(store, batch);
    for (const id of batch) {
      const f = facts.get(id);
      const review = f === undefined ? null : toClaimReview(f, publisher);
      if (review === null) continue; // deleted since it was listed
      if (typeof review.url !== 'string') {
        omitted.push({ claim: id, problem: 'no url (the ClaimReview profile requires one)' });
        continue;
      }
      const { '@context': _context, ...element } = review;
      elements.push(element);
    }
  }
  return {
    feed: { '@context': 'https://schema.org', '@type': 'DataFeed', dateModified: now.toISOString(), dataFeedElement: elements },
    omitted,
    problems: claimReviewProblems({ url: 'set' }, publisher),
  };
}

/**
 * The schema.org ClaimReview of a claim's latest assessment, as JSON-LD;
 * null when no editor has assessed the claim. An unknown claim is NOT_FOUND.
 */
export async function claimReviewJsonLd(store: GraphStore, claimId: string): Promise<JsonLd | null> {
  const facts = (await readClaimReviews(store, [claimId])).get(claimId);
  if (facts === undefined) throw notFound('claim', claimId);
  return toClaimReview(facts);
}
