/**
 * Resolvers of schema/analysis.graphql: `Claim.provenance` (PROV-O) and
 * `Entity.timeline`. Both batch per request: every claim (or entity) asked
 * for at one level is read in one query, so round trips do not grow with the
 * results.
 */
import DataLoader from 'dataloader';
import { checkIriBase, DEFAULT_IRI_BASE, readProvChains, serialiseProv, type ProvChain, type ProvFormat } from '../analysis/prov';
import { decodeTimelineCursor, encodeTimelineCursor, readTimelines, type TimelineEntry, type TimelineKey, type TimelinePage } from '../analysis/timeline';
import { ClaimgraphError, notFound } from '../errors';
import { effectiveDate } from '../graph/positions';
import type { Context } from './context';
import { pageSize, toConnection } from './pagination';
import type { ClaimNode, EntityNode } from '../graph/records';

interface AnalysisLoaders {
  provenance: DataLoader<string, ProvChain | null>;
  /** One loader per page position (`first`, `after`): entities asked for with the same page share a query. */
  timelines: Map<string, DataLoader<string, TimelinePage | null>>;
}

/** This request's analysis loaders: with its other loaders, so a write drops them too. */
const ANALYSIS = Symbol('analysis loaders');

function loadersOf(ctx: Context): AnalysisLoaders {
  return ctx.loaders.cached(ANALYSIS, (store) => ({
    provenance: new DataLoader(async (ids) => {
      const chains = await readProvChains(store, ids);
      return ids.map((id) => chains.get(id) ?? null);
    }),
    timelines: new Map(),
  }));
}

function timelineLoader(ctx: Context, after: TimelineKey | null, limit: number): DataLoader<string, TimelinePage | null> {
  const loaders = loadersOf(ctx).timelines;
  const position = JSON.stringify([after, limit]);
  let loader = loaders.get(position);
  if (loader === undefined) {
    loader = new DataLoader(async (ids) => {
      const pages = await readTimelines(ctx.store, ids, { after, limit });
      return ids.map((id) => pages.get(id) ?? null);
    });
    loaders.set(position, loader);
  }
  return loader;
}

async function statementOf(entry: TimelineEntry, ctx: Context) {
  const found = await ctx.loaders.statements.load(entry.statement);
  if (found === null) throw notFound('statement', entry.statement); // deleted since the page was read
  return found;
}

/**
 * Counts `bytes` of a serialised document against the operation's output
 * budget: the cost estimate counts a provenance field before any chain is
 * read, this counts what it really produced. Over the budget the field is
 * an error (the others keep their answers), and nothing more is produced.
 */
function chargeOutput(ctx: Context, bytes: number): void {
  ctx.output.left -= bytes;
  if (ctx.output.left >= 0) return;
  const limit = ctx.output.production ? '' : ` (at most ${ctx.output.limit} bytes; CLAIMGRAPH_MAX_OUTPUT_BYTES)`;
  throw new ClaimgraphError(
    'BAD_USER_INPUT',
    `This operation asks for more provenance than one response may carry${limit}. Ask for fewer provenance fields at once, or export one claim's chain with "npx claimgraph export --format prov-jsonld --claim ID".`,
    { limit: 'output' },
  );
}

export const analysisResolvers = {
  TimelineEntry: {
    statement: (entry: TimelineEntry, _: unknown, ctx: Context) => statementOf(entry, ctx),
    // The date that placed the entry, as written: the statement's own, or the publication it rests on.
    date: async (entry: TimelineEntry, _: unknown, ctx: Context) => {
      if (entry.dateSource === 'UNKNOWN' || entry.dateSource === 'BEFORE_REVISION') return null;
      const st = await statementOf(entry, ctx);
      return effectiveDate(st.date, st.appearances.map((a) => a.publishedAt))?.value ?? null;
    },
  },

  Claim: {
    async provenance(c: ClaimNode, args: { format?: ProvFormat | null; base?: string | null }, ctx: Context) {
      const base = checkIriBase(args.base ?? DEFAULT_IRI_BASE); // before the store is asked
      const chain = await loadersOf(ctx).provenance.load(c.id);
      if (chain === null) throw notFound('claim', c.id); // deleted since it was loaded
      const format = args.format ?? 'JSONLD';
      const text = await serialiseProv(chain, { format, base });
      chargeOutput(ctx, Buffer.byteLength(text, 'utf8'));
      // One JSON type for both formats: JSON-LD as the object it is (as Claim.claimReview), Turtle as a string.
      return format === 'JSONLD' ? (JSON.parse(text) as unknown) : text;
    },
  },

  Entity: {
    async timeline(e: EntityNode, args: { first?: number | null; after?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const after = decodeTimelineCursor(e.id, args.after);
      const page = await timelineLoader(ctx, after, size + 1).load(e.id);
      if (page === null) throw notFound('entity', e.id); // deleted since it was loaded
      return {
        ...toConnection(page.entries, size, (entry: TimelineEntry) => encodeTimelineCursor(e.id, entry.key)),
        totalCount: page.total,
      };
    },
  },
};
