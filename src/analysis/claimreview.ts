/**
 * An editor's latest assessment of a claim as a schema.org `ClaimReview`
 * (https://schema.org/ClaimReview), in JSON-LD. One named query
 * (`claim-reviews-by-claims`) reads what the review needs on the store; the
 * document is shaped here. docs/ANALYSIS.md gives the mapping.
 *
 * Nothing is invented: an anonymous source appears without a name (its label
 * goes in `description`), a source of unknown kind without a type, and a
 * document's url and date only when the graph knows them.
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

/** A source as the author of a claim: a Person or an Organization, never with an invented name. */
function author(s: ReviewSource): JsonLd {
  const node: JsonLd = {};
  // A group ("three officials", "the family") speaks as one body; a voice of unknown kind gets no type.
  if (s.kind === 'PERSON') node['@type'] = 'Person';
  else if (s.kind === 'ORGANIZATION' || s.kind === 'GROUP') node['@type'] = 'Organization';
  if (s.anonymous) node.description = s.name;
  else node.name = s.name;
  return node;
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
export function toClaimReview(facts: ClaimReviewFacts): JsonLd | null {
  const a = facts.assessment;
  if (a === null) return null;
  const itemReviewed: JsonLd = { '@type': 'Claim' };
  if (facts.authors.length > 0) itemReviewed.author = facts.authors.map(author);
  if (facts.appearances.length > 0) itemReviewed.appearance = facts.appearances.map(creativeWork);
  const first = firstAppearance(facts.appearances);
  if (first !== null) itemReviewed.firstAppearance = creativeWork(first);
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
    // The editor who assessed the claim; an editor who gave no name is not given one.
    author: a.by === ANONYMOUS_EDITOR ? { '@type': 'Person', description: 'an editor who gave no name' } : { '@type': 'Person', name: a.by },
    datePublished: a.at,
  };
  if (a.url !== null) review.url = a.url;
  return review;
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
