import { badInput } from '../errors';
import type { GraphStore } from '../store/port';
import { dryRunImport, importBundle, type ImportOptions, type ImportReport } from './import';
import { SECTIONS } from './bundle';

/*
 * An import too big for one transaction (on Neo4j, past what the server's
 * transaction memory allows: docs/BUNDLE.md, "Large imports on Neo4j"),
 * committed in pieces. Not all or nothing: each piece is all or nothing, and
 * a failure leaves the pieces before it committed. Running the same import
 * again resumes it: a piece already in the graph writes nothing (an import of
 * records already stored, unchanged, writes nothing) and is reported as
 * such, and the pieces after it are written.
 *
 * The pieces: first every record but statements and questions (sources,
 * affiliations, entities, documents, claims, links, ratings, assessments,
 * the change log);
 * then the statements, `statementsPerCommit` at a time, each after the
 * statements it is derived from or supersedes; last the questions, whose ACH
 * cells name statements. Each piece is a bundle of its own whose references
 * to the pieces before resolve in the graph. The whole bundle is checked
 * first, against the graph, in one read transaction (a dry run): a bundle
 * with a problem writes nothing. Another import may commit between two
 * pieces; each piece takes the import lock as any import does.
 */

export interface ChunkedImportOptions extends ImportOptions {
  /** Statements per commit (at least 1). */
  statementsPerCommit: number;
  /** Called after each piece is committed, or found already in the graph. */
  onPiece?: (piece: PieceReport) => void;
}

export interface PieceReport {
  /** 1-based. */
  index: number;
  of: number;
  /** What the piece holds, e.g. "statements 1001 to 2000". */
  what: string;
  /** Records the piece created or updated. */
  changed: number;
  /** True when the piece was already in the graph (a resumed import): nothing was written. */
  alreadyThere: boolean;
}

export interface ChunkedImportReport {
  report: ImportReport;
  pieces: PieceReport[];
}

type Json = Record<string, unknown>;


/** Imports a version 2 bundle in pieces, each its own transaction; see above. */
export async function importInCommits(store: GraphStore, input: unknown, options: ChunkedImportOptions): Promise<ChunkedImportReport> {
  const { statementsPerCommit, onPiece, ...importOptions } = options;
  if (!Number.isInteger(statementsPerCommit) || statementsPerCommit < 1) {
    throw badInput(`Statements per commit must be a whole number from 1, got ${JSON.stringify(statementsPerCommit)}.`, { argument: 'statementsPerCommit' });
  }
  const bundle = asVersion2(input);
  // Every problem, before anything is written.
  await dryRunImport(store, bundle, importOptions);
  const pieces = split(bundle, statementsPerCommit);
  const reports: ImportReport[] = [];
  const done: PieceReport[] = [];
  for (const [i, piece] of pieces.entries()) {
    const report = await importBundle(store, piece.bundle, importOptions);
    reports.push(report);
    const changed = changedIn(report);
    const summary: PieceReport = { index: i + 1, of: pieces.length, what: piece.what, changed, alreadyThere: changed === 0 };
    done.push(summary);
    onPiece?.(summary);
  }
  return { report: merge(reports), pieces: done };
}

/** The bundle as raw version 2 JSON; a version 1 bundle is refused (export it from a store, or import it whole). */
function asVersion2(input: unknown): Json {
  const b = input as Json | null;
  if (b === null || typeof b !== 'object' || Array.isArray(b) || b.format !== 'claimgraph-bundle' || b.version !== 2) {
    throw badInput('An import in several commits takes a claimgraph bundle of format version 2 (a version 1 bundle can be imported whole, or upgraded by importing it into a scratch store and exporting it).');
  }
  for (const section of SECTIONS) {
    if (b[section] !== undefined && !Array.isArray(b[section])) throw badInput(`The bundle's ${section} must be a list.`);
  }
  return b;
}

const list = (b: Json, section: (typeof SECTIONS)[number]): Json[] => (Array.isArray(b[section]) ? (b[section] as Json[]) : []);

function empty(): Json {
  return { format: 'claimgraph-bundle', version: 2, ...Object.fromEntries(SECTIONS.map((s) => [s, []])) };
}

function split(b: Json, perCommit: number): { what: string; bundle: Json }[] {
  const first = { ...empty() };
  for (const section of SECTIONS) if (section !== 'statements' && section !== 'questions') first[section] = list(b, section);
  const pieces = [{ what: 'sources, entities, documents, claims, affiliations, links, ratings, assessments and the change log', bundle: first }];
  const statements = inDependencyOrder(list(b, 'statements'));
  for (let i = 0; i < statements.length; i += perCommit) {
    const slice = statements.slice(i, i + perCommit);
    pieces.push({ what: `statements ${i + 1} to ${i + slice.length} of ${statements.length}`, bundle: { ...empty(), statements: slice } });
  }
  const questions = list(b, 'questions');
  if (questions.length > 0) pieces.push({ what: 'questions', bundle: { ...empty(), questions } });
  return pieces;
}

/** Statements ordered so that each comes after those it is derived from or supersedes (the dry run has refused loops). */
function inDependencyOrder(statements: Json[]): Json[] {
  const byId = new Map(statements.map((s) => [String(s.id), s]));
  const depth = new Map<string, number>();
  const targets = (s: Json): string[] => [
    ...(typeof s.derivedFrom === 'string' ? [s.derivedFrom] : []),
    ...(Array.isArray(s.supersedes) ? s.supersedes.filter((x): x is string => typeof x === 'string') : typeof s.supersedes === 'string' ? [s.supersedes] : []),
  ];
  // Iterative, so that a chain of a million derivations does not overflow the stack.
  const depthOf = (start: string): number => {
    const stack: string[] = [start];
    const onStack = new Set<string>([start]);
    while (stack.length > 0) {
      const id = stack[stack.length - 1]!;
      const pending = targets(byId.get(id)!).filter((t) => byId.has(t) && !depth.has(t) && !onStack.has(t));
      if (pending.length > 0) {
        for (const t of pending) {
          stack.push(t);
          onStack.add(t);
        }
        continue;
      }
      stack.pop();
      onStack.delete(id);
      depth.set(id, 1 + Math.max(0, ...targets(byId.get(id)!).map((t) => depth.get(t) ?? 0)));
    }
    return depth.get(start)!;
  };
  const keyed = statements.map((s, i) => ({ s, i, d: depthOf(String(s.id)) }));
  // Stable: the bundle's order within one depth.
  keyed.sort((x, y) => x.d - y.d || x.i - y.i);
  return keyed.map((k) => k.s);
}

const KINDS = ['sources', 'entities', 'documents', 'claims', 'statements', 'affiliations', 'links', 'questions', 'ratings', 'assessments', 'changes'] as const;

function changedIn(r: ImportReport): number {
  return KINDS.reduce((n, k) => n + r[k].created + r[k].updated, 0);
}

function merge(reports: ImportReport[]): ImportReport {
  const total = Object.fromEntries(KINDS.map((k) => [k, { created: 0, updated: 0, unchanged: 0 }])) as unknown as ImportReport;
  total.matched = [];
  total.possibleDuplicates = [];
  total.notes = [];
  for (const r of reports) {
    for (const k of KINDS) {
      total[k].created += r[k].created;
      total[k].updated += r[k].updated;
      total[k].unchanged += r[k].unchanged;
    }
    total.matched.push(...r.matched);
    total.possibleDuplicates.push(...r.possibleDuplicates);
    total.notes.push(...r.notes);
  }
  return total;
}
