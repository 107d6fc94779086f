/**
 * Resolvers of schema/credibility.graphql: source reliability ratings,
 * claim credibility and status, editors' assessments and their ClaimReview
 * export (docs/ANALYSIS.md). Reads choose a named query, run it through the
 * store and map the rows; every id asked for at one level is one batched
 * round trip. Credibility and status come from the same row as
 * `Claim.corroboration` (corroboration-by-claims), so asking for all three
 * costs one query. The writes are in src/analysis/judgements.ts.
 */
import DataLoader from 'dataloader';
import { readClaimReviews, toClaimReview, type ClaimReviewFacts } from '../analysis/claimreview';
import { credibility, VERDICT_NAMES } from '../analysis/credibility';
import {
  assessClaim,
  rateSource,
  toAssessments,
  toRatings,
  UNRATED,
  type AssessmentNode,
  type RatingNode,
} from '../analysis/judgements';
import { ClaimgraphError, notFound } from '../errors';
import type { EditOptions } from '../graph/editing';
import type { GraphStore } from '../store/port';
import { afterWrite, type Context } from './context';
import { ANONYMOUS_EDITOR } from './identity';
import { mutation } from './payloads';
import type { ClaimNode, SourceNode } from '../graph/records';

interface CredibilityLoaders {
  ratings: DataLoader<string, RatingNode[]>;
  assessments: DataLoader<string, AssessmentNode[]>;
  reviews: DataLoader<string, ClaimReviewFacts | null>;
}

/** Kept with the request's other loaders, so a write (which replaces ctx.loaders) drops these caches too. */
const CREDIBILITY = Symbol('credibility loaders');
const loadersOf = (ctx: Context): CredibilityLoaders => ctx.loaders.cached(CREDIBILITY, newLoaders);

function newLoaders(store: GraphStore): CredibilityLoaders {
  return {
    ratings: new DataLoader(async (ids) => {
      const rows = await store.read('ratings-by-sources', { ids: [...ids] });
      const found = new Map(rows.map((row) => [String(row.key), toRatings(row.ratings)]));
      return ids.map((id) => found.get(id) ?? []);
    }),
    assessments: new DataLoader(async (ids) => {
      const rows = await store.read('assessments-by-claims', { ids: [...ids] });
      const found = new Map(rows.map((row) => [String(row.key), toAssessments(row.assessments)]));
      return ids.map((id) => found.get(id) ?? []);
    }),
    reviews: new DataLoader(async (ids) => {
      const found = await readClaimReviews(store, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

/** Standings that decide a claim's status without its clusters. */
const DECIDED_STANDINGS: ReadonlySet<string> = new Set(['REFUTED', 'CONTESTED', 'UNVERIFIED']);

async function judgementOf(ctx: Context, claimId: string) {
  const found = await ctx.loaders.corroboration.load(claimId);
  if (found === null) throw new ClaimgraphError('INTERNAL', `No corroboration could be computed for claim ${JSON.stringify(claimId)}.`);
  return found.judgement;
}

/** Who writes, for the edit: the request's editor, or "anonymous". */
const editing = (ctx: Context): EditOptions => ({ editor: ctx.editor ?? ANONYMOUS_EDITOR });

export const credibilityResolvers = {
  Source: {
    reliability: async (s: SourceNode, _: unknown, ctx: Context): Promise<RatingNode> => (await loadersOf(ctx).ratings.load(s.id))[0] ?? UNRATED,
    reliabilityHistory: (s: SourceNode, _: unknown, ctx: Context) => loadersOf(ctx).ratings.load(s.id),
  },

  Claim: {
    async credibility(c: ClaimNode, _: unknown, ctx: Context) {
      const { inputs } = await judgementOf(ctx, c.id);
      const { grade, label, rule, facts } = credibility(inputs);
      return { grade, label, rule, facts, partiesAgainst: inputs.partiesAgainst.length };
    },
    status: async (c: ClaimNode, _: unknown, ctx: Context) =>
      // REFUTED, CONTESTED and UNVERIFIED standings are the status itself (docs/ANALYSIS.md, "Claim
      // status"): only a SUPPORTED claim, or one read without its standing, needs its clusters counted.
      (DECIDED_STANDINGS.has(c.standing ?? '') ? c.standing! : (await judgementOf(ctx, c.id)).status),
    assessments: (c: ClaimNode, _: unknown, ctx: Context) => loadersOf(ctx).assessments.load(c.id),
    assessment: async (c: ClaimNode, _: unknown, ctx: Context) => (await loadersOf(ctx).assessments.load(c.id))[0] ?? null,
    async claimReview(c: ClaimNode, _: unknown, ctx: Context) {
      const facts = await loadersOf(ctx).reviews.load(c.id);
      if (facts === null) throw notFound('claim', c.id); // deleted since it was loaded
      return toClaimReview(facts);
    },
  },

  Assessment: {
    alternateName: (a: AssessmentNode) => VERDICT_NAMES[a.verdict],
    async claim(a: AssessmentNode, _: unknown, ctx: Context) {
      const found = await ctx.loaders.claims.load(a.claim);
      if (found === null) throw new ClaimgraphError('INTERNAL', `The graph refers to claim ${JSON.stringify(a.claim)}, which does not exist.`);
      return found;
    },
  },

  Mutation: {
    // role: editor
    rateSource: mutation(async (input: { source: string; grade: string; reason: string }, ctx) => {
      const id = await rateSource(ctx.store, input.source, { grade: input.grade, reason: input.reason }, editing(ctx));
      afterWrite(ctx);
      const source = await ctx.loaders.sources.load(input.source);
      if (source === null) throw notFound('source', input.source);
      const rating = (await loadersOf(ctx).ratings.load(source.id)).find((r) => r.id === id);
      if (rating === undefined) throw notFound('rating', id);
      return { source, rating };
    }),

    // role: editor
    assessClaim: mutation(async (input: { claim: string; verdict: string; rating: number; explanation: string; url?: string | null }, ctx) => {
      const id = await assessClaim(ctx.store, input.claim, input, editing(ctx));
      afterWrite(ctx);
      // A merged claim's old id resolves to the claim kept, which holds the assessment.
      const claim = await ctx.loaders.claims.load(input.claim);
      if (claim === null) throw notFound('claim', input.claim);
      const assessment = (await loadersOf(ctx).assessments.load(claim.id)).find((a) => a.id === id);
      if (assessment === undefined) throw notFound('assessment', id);
      return { assessment, claim };
    }),
  },
};
