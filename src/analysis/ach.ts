import { randomUUID } from 'node:crypto';
import { ClaimgraphError, notFound, show } from '../errors';
import type { BundleProblem } from '../graph/bundle';
import { invalid, type EditOptions } from '../graph/editing';
import type { GraphStore, QueryRunner, Row, Value } from '../store/port';

/*
 * Competing hypotheses (Heuer's Analysis of Competing Hypotheses), as
 * docs/ANALYSIS-ACH.md describes them. An editor groups rival claims as the
 * hypotheses of a question; the matrix (hypotheses × evidence, each cell
 * derived from the graph and overridable) is computed by one query on the
 * store, `ach-matrices`. This module maps its rows and does the writes: each
 * write is one transaction, checked before anything is written, so a refused
 * write writes nothing.
 */

export const ACH_CELLS = ['CONSISTENT', 'INCONSISTENT', 'NEUTRAL'] as const;
export type AchCellValue = (typeof ACH_CELLS)[number];

/** How the evidence's claim is linked to the hypothesis: the input of the derivation. */
export const ACH_RELATIONS = ['SAME', 'CONTRADICTS', 'IMPLIES', 'IMPLIED_BY', 'SUPPORTS', 'UNLINKED'] as const;
export type AchRelation = (typeof ACH_RELATIONS)[number];

export type AchEvidenceKind = 'STATEMENT' | 'CLAIM';

export interface QuestionNode {
  id: string;
  text: string;
  /** Claim ids, in id order. */
  hypotheses: string[];
  recorded: { createdAt: string; createdBy: string; updatedAt: string; updatedBy: string };
}

export interface AchOverrideNode {
  cell: AchCellValue;
  reason: string;
  by: string;
  at: string;
}

export interface AchCellNode {
  /** Claim id of the hypothesis. */
  hypothesis: string;
  relation: AchRelation;
  derivedCell: AchCellValue;
  /** The override's cell when there is one, else the derived cell. */
  cell: AchCellValue;
  override: AchOverrideNode | null;
}

export interface AchEvidenceNode {
  kind: AchEvidenceKind;
  /** Statement id (kind STATEMENT) or claim id (kind CLAIM). */
  id: string;
  /** Other current statements of the same source, claim and position: the same evidence, folded into this item. */
  copies: string[];
  diagnostic: boolean;
  /** One per hypothesis, in hypothesis claim id order. */
  cells: AchCellNode[];
}

export interface AchHypothesisNode {
  claim: string;
  /** 1 for the least inconsistent hypothesis. */
  rank: number;
  inconsistency: number;
  consistency: number;
}

export interface AchMatrixNode {
  /** In rank order. */
  hypotheses: AchHypothesisNode[];
  /** Statements first, then claims, each in id order. */
  evidence: AchEvidenceNode[];
}

/** The evidence a cell is about: exactly one of a statement or a claim. */
export interface EvidenceRef {
  statement?: string | null;
  claim?: string | null;
}

/** A newly generated question id, in the seed's convention. */
export const newQuestionId = (): string => `question-${randomUUID()}`;

// ---------------------------------------------------------------------------
// Mapping rows. A row that does not have the shape its query promises is a bug.

type Obj = { [key: string]: Value };

function broken(what: string, value: unknown): ClaimgraphError {
  return new ClaimgraphError('INTERNAL', `The store returned a malformed ${what}: ${show(value, 200)}`);
}

function obj(v: Value | undefined, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw broken(what, v);
  return v;
}

function str(v: Value | undefined, what: string): string {
  if (typeof v !== 'string') throw broken(what, v);
  return v;
}

function oneOf<T extends string>(values: readonly T[], v: Value | undefined, what: string): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw broken(what, v);
  return v as T;
}

function list(v: Value | undefined, what: string): Value[] {
  if (!Array.isArray(v)) throw broken(what, v);
  return v;
}

export function toQuestion(v: Value | undefined): QuestionNode {
  const q = obj(v, 'question');
  return {
    id: str(q.id, 'question id'),
    text: str(q.text, 'question text'),
    hypotheses: list(q.hypotheses, 'question hypotheses').map((h) => str(h, 'hypothesis id')).sort(),
    recorded: {
      createdAt: str(q.createdAt, 'question createdAt'),
      createdBy: str(q.createdBy, 'question createdBy'),
      updatedAt: str(q.updatedAt, 'question updatedAt'),
      updatedBy: str(q.updatedBy, 'question updatedBy'),
    },
  };
}

function toCell(v: Value): AchCellNode {
  const c = obj(v, 'ACH cell');
  const o = c.override === null || c.override === undefined ? null : obj(c.override, 'ACH override');
  return {
    hypothesis: str(c.hypothesis, 'ACH cell hypothesis'),
    relation: oneOf(ACH_RELATIONS, c.relation, 'ACH relation'),
    derivedCell: oneOf(ACH_CELLS, c.derivedCell, 'ACH derived cell'),
    cell: oneOf(ACH_CELLS, c.cell, 'ACH cell'),
    override:
      o === null
        ? null
        : { cell: oneOf(ACH_CELLS, o.cell, 'ACH override cell'), reason: str(o.reason, 'ACH override reason'), by: str(o.by, 'ACH override by'), at: str(o.at, 'ACH override at') },
  };
}

/** The matrix of one row of `ach-matrices`: ranks are positions in the query's order. */
export function toMatrix(row: Row): AchMatrixNode {
  return {
    hypotheses: list(row.ranking, 'ACH ranking').map((v, i) => {
      const h = obj(v, 'ACH hypothesis');
      return { claim: str(h.claim, 'ACH hypothesis claim'), rank: i + 1, inconsistency: Number(h.inconsistency), consistency: Number(h.consistency) };
    }),
    evidence: list(row.evidence, 'ACH evidence').map((v) => {
      const e = obj(v, 'ACH evidence');
      return {
        kind: oneOf(['STATEMENT', 'CLAIM'] as const, e.kind, 'ACH evidence kind'),
        id: str(e.id, 'ACH evidence id'),
        copies: (Array.isArray(e.copies) ? e.copies : []).map((c) => str(c, 'ACH evidence copy')).sort(),
        diagnostic: e.diagnostic === true,
        cells: list(e.cells, 'ACH cells').map(toCell),
      };
    }),
  };
}

// ---------------------------------------------------------------------------
// Checks that need no store: they run before the transaction.

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

/** Problems of a hypothesis list: at least two distinct, non-blank claim ids. */
function hypothesisProblems(hypotheses: unknown, path: string): BundleProblem[] {
  if (!Array.isArray(hypotheses)) return [{ path, expected: 'a list of at least 2 distinct claim ids', got: show(hypotheses) }];
  const problems: BundleProblem[] = [];
  const first = new Map<string, number>();
  hypotheses.forEach((h, i) => {
    if (blank(h)) problems.push({ path: `${path}[${i}]`, expected: 'a claim id', got: show(h) });
    else if (first.has(h as string)) {
      problems.push({ path: `${path}[${i}]`, expected: 'a claim not listed before', got: `${show(h)} again (as ${path}[${first.get(h as string)}])` });
    } else first.set(h as string, i);
  });
  if (first.size < 2 && problems.length === 0) {
    problems.push({ path, expected: 'at least 2 distinct claim ids (rival hypotheses)', got: `${hypotheses.length} claim id(s)` });
  }
  return problems;
}

function textProblems(text: unknown, path: string): BundleProblem[] {
  return blank(text) ? [{ path, expected: 'the question, a non-blank string', got: show(text) }] : [];
}

/** The evidence as one (kind, id), or the problem with it. */
function evidenceOf(evidence: EvidenceRef | null | undefined, path: string): { kind: AchEvidenceKind; id: string } | BundleProblem {
  const statement = evidence?.statement ?? null;
  const claim = evidence?.claim ?? null;
  if ((statement === null) === (claim === null)) {
    return { path, expected: 'exactly one of `statement` or `claim`', got: statement === null ? 'neither' : 'both' };
  }
  const [kind, id, field] = statement !== null ? (['STATEMENT', statement, 'statement'] as const) : (['CLAIM', claim, 'claim'] as const);
  if (blank(id)) return { path: `${path}.${field}`, expected: `a ${field} id`, got: show(id) };
  return { kind, id: id as string };
}

const isProblem = (v: object): v is BundleProblem => 'path' in v;

// ---------------------------------------------------------------------------
// Reads inside a transaction.

async function storedQuestion(tx: QueryRunner, id: string): Promise<QuestionNode | null> {
  const [row] = await tx.run('questions-by-ids', { ids: [id] });
  return row === undefined ? null : toQuestion(row.question);
}

/** The ids among `claims` and `statements` that are in the graph. */
async function existing(tx: QueryRunner, ids: { claims?: string[]; statements?: string[] }): Promise<Set<string>> {
  const [row] = await tx.run('existing-ids', { sources: [], entities: [], documents: [], claims: ids.claims ?? [], statements: ids.statements ?? [] });
  const found = [...(Array.isArray(row?.claims) ? row.claims : []), ...(Array.isArray(row?.statements) ? row.statements : [])];
  return new Set(found.filter((x): x is string => typeof x === 'string'));
}

/** NOT_FOUND naming every hypothesis claim that is not in the graph. */
async function requireClaims(tx: QueryRunner, claims: string[]): Promise<void> {
  const found = await existing(tx, { claims });
  const missing = claims.filter((c) => !found.has(c));
  if (missing.length === 1) throw notFound('claim', missing[0] as string);
  if (missing.length > 1) {
    throw new ClaimgraphError('NOT_FOUND', `No claims with ids ${missing.map((m) => show(m)).join(', ')}.`, { kind: 'claim', id: missing[0], ids: missing });
  }
}

const now = (options: EditOptions): string => options.now ?? new Date().toISOString();

// ---------------------------------------------------------------------------
// Writes.

export interface QuestionInput {
  id?: string | null;
  text?: unknown;
  hypotheses?: unknown;
}

async function createWithin(tx: QueryRunner, input: QuestionInput, options: EditOptions, path = 'input'): Promise<string> {
  const problems = [
    ...(input.id !== undefined && input.id !== null && blank(input.id) ? [{ path: `${path}.id`, expected: 'a non-blank id, or none to generate one', got: show(input.id) }] : []),
    ...textProblems(input.text, `${path}.text`),
    ...hypothesisProblems(input.hypotheses, `${path}.hypotheses`),
  ];
  if (problems.length > 0) throw invalid(problems);
  const id = input.id ?? newQuestionId();
  if ((await storedQuestion(tx, id)) !== null) {
    throw new ClaimgraphError('CONFLICT', `A question with id ${show(id)} exists already; use updateQuestion to change it.`, { kind: 'question', id });
  }
  const hypotheses = input.hypotheses as string[];
  await requireClaims(tx, hypotheses);
  await tx.run('write-question', { id, text: input.text, hypotheses, by: options.editor, at: now(options) });
  return id;
}

/**
 * Creates a question grouping at least two distinct existing claims as rival
 * hypotheses. BAD_USER_INPUT (with `problems`) for a blank text, fewer than
 * two hypotheses or a repeated one; NOT_FOUND for an unknown claim; CONFLICT
 * for an id in use.
 */
export function createQuestion(store: GraphStore, input: QuestionInput, options: EditOptions): Promise<string> {
  return store.transaction('WRITE', (tx) => createWithin(tx, input, options));
}

/**
 * Changes a question: a text or hypothesis list given replaces the stored
 * one (a field left out stays). Overrides on a hypothesis that is dropped are
 * removed with it. A question left unchanged is not rewritten.
 */
export function updateQuestion(store: GraphStore, id: string, input: Omit<QuestionInput, 'id'>, options: EditOptions): Promise<string> {
  return store.transaction('WRITE', async (tx) => {
    const problems = [
      ...(input.text !== undefined ? textProblems(input.text, 'input.text') : []),
      ...(input.hypotheses !== undefined ? hypothesisProblems(input.hypotheses, 'input.hypotheses') : []),
    ];
    if (problems.length > 0) throw invalid(problems);
    const stored = await storedQuestion(tx, id);
    if (stored === null) throw notFound('question', id);
    const text = input.text === undefined ? stored.text : (input.text as string);
    const hypotheses = input.hypotheses === undefined ? stored.hypotheses : [...(input.hypotheses as string[])].sort();
    if (text === stored.text && hypotheses.join('\u0000') === stored.hypotheses.join('\u0000')) return id;
    await requireClaims(tx, hypotheses);
    await tx.run('write-question', { id, text, hypotheses, by: options.editor, at: now(options) });
    return id;
  });
}

export interface CellArgs {
  question: string;
  hypothesis: string;
  evidence: EvidenceRef | null | undefined;
}

/** The id a record now has: `id` itself, or the record it was merged into (a redirect, as every API lookup reads ids). */
async function resolved(tx: QueryRunner, label: 'Claim' | 'Statement', id: string): Promise<string> {
  const [row] = await tx.run('import-redirects', { keys: [`${label}:${id}`] });
  return row === undefined ? id : String(row.target);
}

/**
 * Checks that the question exists and the hypothesis is one of its
 * hypotheses; returns the evidence as (kind, id) and the hypothesis, each
 * under the id it now has (an id merged into another resolves to it).
 */
async function checkCell(tx: QueryRunner, args: CellArgs, paths: { hypothesis: string; evidence: string }, extra: BundleProblem[] = []) {
  const evidence = evidenceOf(args.evidence, paths.evidence);
  const problems = [...extra, ...(isProblem(evidence) ? [evidence] : [])];
  if (problems.length > 0) throw invalid(problems);
  const given = evidence as { kind: AchEvidenceKind; id: string };
  const ref = { kind: given.kind, id: await resolved(tx, given.kind === 'STATEMENT' ? 'Statement' : 'Claim', given.id) };
  const question = await storedQuestion(tx, args.question);
  if (question === null) throw notFound('question', args.question);
  const hypothesis = await resolved(tx, 'Claim', args.hypothesis);
  if (!question.hypotheses.includes(hypothesis)) {
    if (!(await existing(tx, { claims: [hypothesis] })).has(hypothesis)) throw notFound('claim', args.hypothesis);
    throw invalid([{ path: paths.hypothesis, expected: `one of the hypotheses of question ${show(question.id)}: ${question.hypotheses.map((h) => show(h)).join(', ')}`, got: show(args.hypothesis) }]);
  }
  return { ref, hypothesis };
}

/** Evidence params of set-ach-cell / clear-ach-cell: the one given, the other null. */
const evidenceParams = (ref: { kind: AchEvidenceKind; id: string }) =>
  ref.kind === 'STATEMENT' ? { statement: ref.id, claim: null } : { statement: null, claim: ref.id };

async function setWithin(
  tx: QueryRunner,
  args: CellArgs & { cell: unknown; reason: unknown },
  options: EditOptions,
  paths = { hypothesis: 'hypothesis', evidence: 'evidence', cell: 'cell', reason: 'reason' },
): Promise<void> {
  const extra: BundleProblem[] = [
    ...(typeof args.cell === 'string' && (ACH_CELLS as readonly string[]).includes(args.cell) ? [] : [{ path: paths.cell, expected: `one of ${ACH_CELLS.join(', ')}`, got: show(args.cell) }]),
    ...(blank(args.reason) ? [{ path: paths.reason, expected: "the editor's reason for the judgement, a non-blank string", got: show(args.reason) }] : []),
  ];
  const { ref, hypothesis } = await checkCell(tx, args, paths, extra);
  const [row] = await tx.run('ach-matrices', { ids: [args.question] });
  const matrix = row === undefined ? { hypotheses: [], evidence: [] } : toMatrix(row);
  if (!matrix.evidence.some((e) => e.kind === ref.kind && e.id === ref.id)) {
    const field = ref.kind === 'STATEMENT' ? 'statement' : 'claim';
    const known = await existing(tx, ref.kind === 'STATEMENT' ? { statements: [ref.id] } : { claims: [ref.id] });
    if (!known.has(ref.id)) throw notFound(field, ref.id);
    // A copy is judged through the item it is folded into.
    const holder = matrix.evidence.find((e) => e.copies.includes(ref.id));
    throw invalid([{
      path: `${paths.evidence}.${field}`,
      expected: `an item of the matrix of question ${show(args.question)}: a current statement on one of its hypotheses (of statements that say the same thing, the one with the smallest id), or a claim linked to one by SUPPORTS, CONTRADICTS or IMPLIES that some source now asserts, firmly or hedged, itself or through a claim that implies it`,
      got: holder === undefined ? `${show(ref.id)}, which is none of these` : `${show(ref.id)}, a copy folded into the item ${show(holder.id)}`,
    }]);
  }
  await tx.run('set-ach-cell', {
    question: args.question,
    hypothesis,
    ...evidenceParams(ref),
    cell: args.cell,
    reason: args.reason,
    by: options.editor,
    at: now(options),
  });
}

/**
 * Overrides one cell of a question's matrix with an editor's judgement and
 * reason. NOT_FOUND for an unknown question, hypothesis claim, statement or
 * claim; BAD_USER_INPUT for a blank reason, a claim that is not one of the
 * question's hypotheses, evidence given as neither or both of statement and
 * claim, or a statement or claim that is not evidence of the question.
 */
export function setAchCell(store: GraphStore, args: CellArgs & { cell: AchCellValue; reason: string }, options: EditOptions): Promise<void> {
  return store.transaction('WRITE', (tx) => setWithin(tx, args, options));
}

/** Removes the override of one cell, so the derived cell applies again; NOT_FOUND when there is none. */
export function clearAchCell(store: GraphStore, args: CellArgs, options: EditOptions): Promise<void> {
  return store.transaction('WRITE', async (tx) => {
    const { ref, hypothesis } = await checkCell(tx, args, { hypothesis: 'hypothesis', evidence: 'evidence' });
    const [row] = await tx.run('clear-ach-cell', { question: args.question, hypothesis, ...evidenceParams(ref), by: options.editor, at: now(options) });
    if (Number(row?.removed ?? 0) === 0) {
      throw new ClaimgraphError(
        'NOT_FOUND',
        `No override of the cell of hypothesis ${show(args.hypothesis)} and ${ref.kind.toLowerCase()} ${show(ref.id)} in question ${show(args.question)}.`,
        { kind: 'override', question: args.question, hypothesis: args.hypothesis, evidence: ref },
      );
    }
  });
}

// ---------------------------------------------------------------------------
// The questions file: an editor's analysis loaded with the seed.

export const QUESTIONS_FORMAT = 'claimgraph-questions';

const FILE_FIELDS = ['format', 'version', 'description', 'questions'];
const QUESTION_FIELDS = ['id', 'text', 'hypotheses', 'overrides'];
const OVERRIDE_FIELDS = ['hypothesis', 'evidence', 'cell', 'reason'];

function unknownFields(v: Record<string, unknown>, allowed: string[], path: string): BundleProblem[] {
  return Object.keys(v)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: `${path}.${k}`, expected: `only the fields ${allowed.join(', ')}`, got: `unknown field ${show(k)}` }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface QuestionsReport {
  created: string[];
  /** Questions already stored, left as they are (an editor may have changed them since). */
  unchanged: string[];
}

/**
 * Loads a questions file (docs/ANALYSIS-ACH.md, "The questions file") in one
 * transaction: every question not stored yet is created with its overrides;
 * one already stored is left as it is, so loading twice changes nothing.
 * The whole file is refused, and nothing written, if any part is invalid.
 */
export function importQuestions(store: GraphStore, json: unknown, options: EditOptions): Promise<QuestionsReport> {
  const problems: BundleProblem[] = [];
  if (!isRecord(json)) throw invalid([{ path: '$', expected: `a ${QUESTIONS_FORMAT} object`, got: show(json) }]);
  problems.push(...unknownFields(json, FILE_FIELDS, '$'));
  if (json.format !== QUESTIONS_FORMAT) problems.push({ path: '$.format', expected: show(QUESTIONS_FORMAT), got: show(json.format) });
  if (json.version !== 1) problems.push({ path: '$.version', expected: '1', got: show(json.version) });
  const questions = Array.isArray(json.questions) ? json.questions : [];
  if (!Array.isArray(json.questions)) problems.push({ path: '$.questions', expected: 'a list of questions', got: show(json.questions) });
  questions.forEach((q: unknown, i) => {
    const path = `$.questions[${i}]`;
    if (!isRecord(q)) return problems.push({ path, expected: 'a question object', got: show(q) });
    problems.push(...unknownFields(q, QUESTION_FIELDS, path));
    if (blank(q.id)) problems.push({ path: `${path}.id`, expected: 'a question id', got: show(q.id) });
    const overrides = q.overrides ?? [];
    if (!Array.isArray(overrides)) return problems.push({ path: `${path}.overrides`, expected: 'a list of overrides', got: show(overrides) });
    overrides.forEach((o: unknown, j) => {
      if (!isRecord(o)) return problems.push({ path: `${path}.overrides[${j}]`, expected: 'an override object', got: show(o) });
      problems.push(...unknownFields(o, OVERRIDE_FIELDS, `${path}.overrides[${j}]`));
      if (blank(o.hypothesis)) problems.push({ path: `${path}.overrides[${j}].hypothesis`, expected: 'a claim id', got: show(o.hypothesis) });
      if (!isRecord(o.evidence)) problems.push({ path: `${path}.overrides[${j}].evidence`, expected: '{"statement": id} or {"claim": id}', got: show(o.evidence) });
      else problems.push(...unknownFields(o.evidence, ['statement', 'claim'], `${path}.overrides[${j}].evidence`));
      return undefined;
    });
    return undefined;
  });
  if (problems.length > 0) return Promise.reject(invalid(problems));

  return store.transaction('WRITE', async (tx) => {
    const report: QuestionsReport = { created: [], unchanged: [] };
    for (const [i, q] of (questions as Record<string, unknown>[]).entries()) {
      const path = `$.questions[${i}]`;
      const id = q.id as string;
      if ((await storedQuestion(tx, id)) !== null) {
        report.unchanged.push(id);
        continue;
      }
      await createWithin(tx, { id, text: q.text, hypotheses: q.hypotheses }, options, path);
      for (const [j, o] of ((q.overrides ?? []) as Record<string, unknown>[]).entries()) {
        const at = `${path}.overrides[${j}]`;
        await setWithin(
          tx,
          { question: id, hypothesis: o.hypothesis as string, evidence: o.evidence as EvidenceRef, cell: o.cell, reason: o.reason },
          options,
          { hypothesis: `${at}.hypothesis`, evidence: `${at}.evidence`, cell: `${at}.cell`, reason: `${at}.reason` },
        );
      }
      report.created.push(id);
    }
    return report;
  });
}
