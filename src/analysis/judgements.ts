/**
 * Editors' judgements: a source's reliability rating (Admiralty Code A–F)
 * and an assessment of a claim (a verdict, a rating from 1 to 5, an
 * explanation). Both are editor records, never facts of a report: each is a
 * node of its own, written by one transaction with who and when, and kept as
 * history (a new judgement never overwrites an old one; the latest counts).
 * docs/ANALYSIS.md describes them.
 */
import { randomUUID } from 'node:crypto';
import { notFound, show } from '../errors';
import type { BundleProblem } from '../graph/bundle';
import { invalid, type EditOptions } from '../graph/editing';
import { writeStandings } from '../graph/standing';
import type { GraphStore, QueryRunner, Value } from '../store/port';
import { broken, obj, type Obj } from '../store/rows';
import { RELIABILITY_GRADES, RELIABILITY_LABELS, VERDICTS, type ReliabilityGrade, type Verdict } from './credibility';

/** Longest reason or explanation accepted, in characters. */
export const MAX_JUDGEMENT_TEXT = 10_000;
/** Longest URL accepted, in characters. */
export const MAX_URL_LENGTH = 2_000;

export interface RatingNode {
  /** Null only for the default F of a source with no rating. */
  id: string | null;
  grade: ReliabilityGrade;
  label: string;
  reason: string;
  /** Null only for the default F of a source with no rating. */
  by: string | null;
  at: string | null;
}

/** What `Source.reliability` is when no editor has rated the source. */
export const UNRATED: RatingNode = Object.freeze({ id: null, grade: 'F', label: RELIABILITY_LABELS.F, reason: 'no rating recorded', by: null, at: null });

export interface AssessmentNode {
  id: string;
  claim: string;
  verdict: Verdict;
  rating: number;
  explanation: string;
  url: string | null;
  by: string;
  at: string;
}

export interface RatingInput {
  grade: unknown;
  reason: unknown;
}

export interface AssessmentInput {
  verdict: unknown;
  rating: unknown;
  explanation: unknown;
  url?: unknown;
}

// ---------------------------------------------------------------- checks

function gotText(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (typeof v === 'string') return v.trim() === '' ? 'a blank string' : `${[...v].length} characters`;
  return show(v);
}

function checkText(problems: BundleProblem[], path: string, value: unknown, what: string): string {
  if (typeof value === 'string' && value.trim() !== '' && [...value.trim()].length <= MAX_JUDGEMENT_TEXT) return value.trim();
  problems.push({ path, expected: `${what}: a string of 1 to ${MAX_JUDGEMENT_TEXT} characters, not blank`, got: gotText(value) });
  return '';
}

function checkEnum<T extends string>(problems: BundleProblem[], path: string, value: unknown, values: readonly T[]): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  problems.push({ path, expected: `one of ${values.join(', ')}`, got: show(value) });
  return values[0] as T;
}

function checkUrl(problems: BundleProblem[], path: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const expected = `an absolute http or https URL of at most ${MAX_URL_LENGTH} characters, or null`;
  if (typeof value !== 'string') {
    problems.push({ path, expected, got: show(value) });
    return null;
  }
  const url = value.trim();
  let ok = url.length > 0 && url.length <= MAX_URL_LENGTH;
  try {
    ok &&= ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) problems.push({ path, expected, got: url === '' ? 'a blank string' : show(url) });
  return url;
}

// ---------------------------------------------------------------- writes

/**
 * Runs a judgement's write on `id`; when no record has that id, on the
 * record it was merged into (a redirect: merged ids keep resolving, as every
 * lookup reads them). Null when neither exists.
 */
async function onRecord(tx: QueryRunner, label: 'Source' | 'Claim', id: string, write: (target: string) => Promise<unknown[]>): Promise<string | null> {
  if ((await write(id)).length > 0) return id;
  const [redirect] = await tx.run('import-redirects', { keys: [`${label}:${id}`] });
  if (redirect === undefined) return null;
  const target = String(redirect.target);
  return (await write(target)).length > 0 ? target : null;
}

/**
 * Appends a reliability rating to a source's history, in one write
 * transaction. A blank reason or a grade outside A–F is BAD_USER_INPUT (with
 * `problems` at `grade` and `reason`); an unknown source is NOT_FOUND. Either
 * way nothing is written. Returns the new rating's id.
 */
export async function rateSource(store: GraphStore, sourceId: string, input: RatingInput, options: EditOptions): Promise<string> {
  const problems: BundleProblem[] = [];
  const grade = checkEnum(problems, 'grade', input.grade, RELIABILITY_GRADES);
  const reason = checkText(problems, 'reason', input.reason, 'why the source gets this grade');
  if (problems.length > 0) throw invalid(problems);
  const id = `rating-${randomUUID()}`;
  const at = options.now ?? new Date().toISOString();
  return store.transaction('WRITE', async (tx) => {
    const rated = await onRecord(tx, 'Source', sourceId, (source) => tx.run('rate-source', { source, id, grade, reason, by: options.editor, at }));
    if (rated === null) throw notFound('source', sourceId);
    return id;
  });
}

/**
 * Records an assessment of a claim, in one write transaction. The verdict
 * must be one of VERDICTS, the rating an integer from 1 to 5, the explanation
 * not blank, the URL (optional) an absolute http(s) URL: otherwise
 * BAD_USER_INPUT listing every problem. An unknown claim is NOT_FOUND.
 * Either way nothing is written. Returns the new assessment's id.
 */
export async function assessClaim(store: GraphStore, claimId: string, input: AssessmentInput, options: EditOptions): Promise<string> {
  const problems: BundleProblem[] = [];
  const verdict = checkEnum(problems, 'verdict', input.verdict, VERDICTS);
  const rating = input.rating;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    problems.push({ path: 'rating', expected: 'an integer from 1 (false) to 5 (true)', got: show(rating) });
  }
  const explanation = checkText(problems, 'explanation', input.explanation, 'the reasons for the verdict');
  const url = checkUrl(problems, 'url', input.url);
  if (problems.length > 0) throw invalid(problems);
  const id = `assessment-${randomUUID()}`;
  const at = options.now ?? new Date().toISOString();
  return store.transaction('WRITE', async (tx) => {
    const assessed = await onRecord(tx, 'Claim', claimId, (claim) => tx.run('assess-claim', { claim, id, verdict, rating, explanation, url, by: options.editor, at }));
    if (assessed === null) throw notFound('claim', claimId);
    // A verdict decides REFUTED for this claim alone (claim-status reads only its own assessments).
    await writeStandings(tx, [assessed]);
    return id;
  });
}

// ---------------------------------------------------------------- reads


const seqOf = (o: Obj): number => (typeof o.seq === 'number' ? o.seq : 0);

/** A source's ratings as `ratings-by-sources` lists them, newest first. */
export function toRatings(v: Value | undefined): RatingNode[] {
  return (Array.isArray(v) ? v : [])
    .map((r) => obj('rating', r))
    .sort((x, y) => seqOf(y) - seqOf(x)) // the query orders too; engines need not keep it through collect
    .map((o) => {
      const grade = o.grade;
      if (typeof grade !== 'string' || !(RELIABILITY_GRADES as readonly string[]).includes(grade) || typeof o.reason !== 'string') throw broken('rating', o);
      return {
        id: typeof o.id === 'string' ? o.id : null,
        grade: grade as ReliabilityGrade,
        label: RELIABILITY_LABELS[grade as ReliabilityGrade],
        reason: o.reason,
        by: typeof o.by === 'string' ? o.by : null,
        at: typeof o.at === 'string' ? o.at : null,
      };
    });
}

/** A claim's assessments as `assessments-by-claims` lists them, newest first. */
export function toAssessments(v: Value | undefined): AssessmentNode[] {
  return (Array.isArray(v) ? v : [])
    .map((a) => obj('assessment', a))
    .sort((x, y) => seqOf(y) - seqOf(x))
    .map((o) => toAssessment(o));
}

export function toAssessment(v: Value | undefined): AssessmentNode {
  const o = obj('assessment', v);
  const { id, claim, verdict, rating, explanation, url, by, at } = o;
  if (
    typeof id !== 'string' || typeof claim !== 'string' || typeof verdict !== 'string' || !(VERDICTS as readonly string[]).includes(verdict) ||
    typeof rating !== 'number' || typeof explanation !== 'string' || typeof by !== 'string' || typeof at !== 'string'
  ) {
    throw broken('assessment', o);
  }
  return { id, claim, verdict: verdict as Verdict, rating, explanation, url: typeof url === 'string' ? url : null, by, at };
}
