import DataLoader from 'dataloader';
import {
  clearAchCell,
  createQuestion,
  setAchCell,
  toMatrix,
  toQuestion,
  updateQuestion,
  type AchCellNode,
  type AchCellValue,
  type AchEvidenceNode,
  type AchHypothesisNode,
  type AchMatrixNode,
  type EvidenceRef,
  type QuestionInput,
  type QuestionNode,
} from '../analysis/ach';
import { ClaimgraphError, notFound } from '../errors';
import type { EditOptions } from '../graph/editing';
import type { GraphStore } from '../store/port';
import { afterWrite, type Context } from './context';
import { ANONYMOUS_EDITOR } from './identity';
import { byRecordIds } from './global-id';
import { mutation } from './payloads';
import { decodeCursor, encodeCursor, FIRST_PAGE, pageSize, toConnection, type CursorList } from './pagination';
import type { ClaimNode } from '../graph/records';

/*
 * Questions and their ACH matrices (schema/question.graphql,
 * docs/ANALYSIS-ACH.md). Resolvers choose a named query, run it through the
 * store and map the rows; the writes are in src/analysis/ach.ts. Per request,
 * every question, matrix and claim's question list asked for at one level is
 * one batched round trip, however many evidence items a matrix has.
 */

interface AchLoaders {
  questions: DataLoader<string, QuestionNode | null>;
  matrices: DataLoader<string, AchMatrixNode | null>;
  questionsByClaim: DataLoader<string, QuestionNode[]>;
}

/** Kept with the request's other loaders, so a write (which replaces ctx.loaders) drops these caches too. */
const ACH = Symbol('ach loaders');
const loaders = (ctx: Context): AchLoaders => ctx.loaders.cached(ACH, newLoaders);

function newLoaders(store: GraphStore): AchLoaders {
  const questions = new DataLoader<string, QuestionNode | null>(async (ids) => {
    const rows = await store.read('questions-by-ids', { ids: [...ids] });
    const found = new Map(rows.map((r) => toQuestion(r.question)).map((q) => [q.id, q]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const matrices = new DataLoader<string, AchMatrixNode | null>(async (ids) => {
    const rows = await store.read('ach-matrices', { ids: [...ids] });
    const found = new Map(rows.map((r) => [String(r.key), toMatrix(r)]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const questionsByClaim = new DataLoader<string, QuestionNode[]>(async (ids) => {
    const rows = await store.read('questions-by-claims', { ids: [...ids] });
    const groups = new Map<string, QuestionNode[]>();
    for (const row of rows) {
      const question = toQuestion(row.question);
      questions.prime(question.id, question);
      const key = String(row.key);
      groups.set(key, [...(groups.get(key) ?? []), question]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
  return { questions, matrices, questionsByClaim };
}

/** A question by id, through this request's batched loader (node(id:) finds questions by it). */
export const questionById = (ctx: Context, id: string): Promise<QuestionNode | null> => loaders(ctx).questions.load(id);

/** pagination.ts names the lists its cursors belong to; this one is the questions list. */
const QUESTIONS_LIST: CursorList = 'questions';

const editing = (ctx: Context): EditOptions => ({ editor: ctx.editor ?? ANONYMOUS_EDITOR });

/** Reads the question a mutation wrote, from fresh loaders: what it returns is the graph as the write left it. */
async function written(ctx: Context, id: string): Promise<QuestionNode> {
  afterWrite(ctx);
  const found = await loaders(ctx).questions.load(id);
  if (found === null) throw notFound('question', id);
  return found;
}

async function claimOf(ctx: Context, id: string): Promise<ClaimNode> {
  const found = await ctx.loaders.claims.load(id);
  if (found === null) throw new ClaimgraphError('INTERNAL', `The graph refers to claim ${JSON.stringify(id)}, which does not exist.`);
  return found;
}

interface CellArgs {
  question: string;
  hypothesis: string;
  evidence: EvidenceRef;
}

export const achResolvers = {
  Query: {
    // A record id, or a question's global id.
    question: byRecordIds(async (_, { id }: { id: string }, ctx) => {
      const found = await loaders(ctx).questions.load(id);
      if (found === null) throw notFound('question', id);
      return found;
    }),
    async questions(_: unknown, args: { first?: number | null; after?: string | null }, ctx: Context) {
      const size = pageSize(args.first);
      const after = decodeCursor(QUESTIONS_LIST, args.after, 1)?.[0] ?? FIRST_PAGE;
      const rows = await ctx.store.read('questions-page', { after, limit: size + 1 });
      const nodes = rows.map((r) => toQuestion(r.question));
      for (const q of nodes) loaders(ctx).questions.prime(q.id, q);
      return {
        ...toConnection(nodes, size, (q) => encodeCursor(QUESTIONS_LIST, [q.id])),
        totalCount: async () => Number((await ctx.store.read('questions-count'))[0]?.total ?? 0),
      };
    },
  },

  Mutation: {
    createQuestion: mutation(async (input: QuestionInput, ctx) => ({ question: await written(ctx, await createQuestion(ctx.store, input, editing(ctx))) })),
    updateQuestion: mutation(async ({ id, ...input }: QuestionInput & { id: string }, ctx) => ({
      question: await written(ctx, await updateQuestion(ctx.store, id, input, editing(ctx))),
    })),
    setAchCell: mutation(async (input: CellArgs & { cell: AchCellValue; reason: string }, ctx) => {
      await setAchCell(ctx.store, input, editing(ctx));
      return { question: await written(ctx, input.question) };
    }),
    clearAchCell: mutation(async (input: CellArgs, ctx) => {
      await clearAchCell(ctx.store, input, editing(ctx));
      return { question: await written(ctx, input.question) };
    }),
  },

  Question: {
    hypotheses: (q: QuestionNode, _: unknown, ctx: Context) => Promise.all(q.hypotheses.map((id) => claimOf(ctx, id))),
    async matrix(q: QuestionNode, _: unknown, ctx: Context) {
      // A question always has a matrix row; none means the question went between two reads.
      return (await loaders(ctx).matrices.load(q.id)) ?? { hypotheses: [], evidence: [] };
    },
    recorded: (q: QuestionNode) => q.recorded,
  },

  AchHypothesis: {
    claim: (h: AchHypothesisNode, _: unknown, ctx: Context) => claimOf(ctx, h.claim),
  },

  AchEvidence: {
    statement: async (e: AchEvidenceNode, _: unknown, ctx: Context) => {
      if (e.kind !== 'STATEMENT') return null;
      const found = await ctx.loaders.statements.load(e.id);
      if (found === null) throw new ClaimgraphError('INTERNAL', `The graph refers to statement ${JSON.stringify(e.id)}, which does not exist.`);
      return found;
    },
    claim: (e: AchEvidenceNode, _: unknown, ctx: Context) => (e.kind === 'CLAIM' ? claimOf(ctx, e.id) : null),
    copies: async (e: AchEvidenceNode, _: unknown, ctx: Context) =>
      Promise.all(
        e.copies.map(async (id) => {
          const found = await ctx.loaders.statements.load(id);
          if (found === null) throw new ClaimgraphError('INTERNAL', `The graph refers to statement ${JSON.stringify(id)}, which does not exist.`);
          return found;
        }),
      ),
  },

  AchCell: {
    hypothesis: (c: AchCellNode, _: unknown, ctx: Context) => claimOf(ctx, c.hypothesis),
  },

  Claim: {
    questions: (c: ClaimNode, _: unknown, ctx: Context) => loaders(ctx).questionsByClaim.load(c.id),
  },
};
