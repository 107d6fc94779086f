/**
 * How the command line prints: counts, durations, rates, the import report
 * table and bundle problems. Pure functions returning text, so they are easy
 * to read in one place and to test.
 */
import { formatProblem, type BundleProblem } from '../graph/bundle';
import type { ImportReport, KindCounts } from '../graph/import';

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export const formatSeconds = (s: number): string => (s < 10 ? `${s.toFixed(2)} s` : s < 100 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`);

export const formatRate = (count: number, seconds: number): string => (seconds > 0 ? formatCount(count / seconds) : '—');

export const formatBytes = (bytes: number): string => {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(1)} GiB` : mib >= 10 ? `${mib.toFixed(0)} MiB` : `${mib.toFixed(1)} MiB`;
};

/** The kinds of an import report, in the order import writes them (docs/BUNDLE.md). */
export const REPORT_KINDS = ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links', 'questions', 'ratings', 'assessments', 'changes'] as const;

/** Records of every kind seen in a report, whatever happened to them. */
export const recordsIn = (report: ImportReport, kind: (typeof REPORT_KINDS)[number]): number => {
  const c: KindCounts = report[kind];
  return c.created + c.updated + c.unchanged;
};

export const changedIn = (report: ImportReport): number =>
  REPORT_KINDS.reduce((n, kind) => n + report[kind].created + report[kind].updated, 0);

/**
 * The created / updated / unchanged table of an import report, then the
 * names matched to records already in the graph and the ambiguous names.
 * `wouldBe` phrases the columns for a dry run.
 */
export function reportTable(report: ImportReport, dryRun = false, maxListed = 10): string {
  const head = dryRun ? ['would create', 'would update', 'unchanged'] : ['created', 'updated', 'unchanged'];
  const widths = head.map((h) => Math.max(h.length, 9));
  const lines = [`  ${''.padEnd(14)}${head.map((h, i) => h.padStart((widths[i] as number) + 2)).join('')}`];
  for (const kind of REPORT_KINDS) {
    const c = report[kind];
    const cells = [c.created, c.updated, c.unchanged].map((n, i) => formatCount(n).padStart((widths[i] as number) + 2));
    lines.push(`  ${kind.padEnd(14)}${cells.join('')}`);
  }
  const matched = report.matched;
  lines.push(`  names matched to records in the graph: ${matched.length === 0 ? 'none' : matched.length}`);
  for (const m of matched.slice(0, maxListed)) {
    // A bundle id that stays the record's id: the stored records it matched were renamed to it (the smallest id wins).
    const target = m.bundleId === m.graphId ? `${m.graphId}, the stored records of the same name renamed to it` : m.graphId;
    lines.push(`    ${m.kind} ${m.bundleId} → ${target} (${m.key === 'id' ? 'an id merged into it before' : `name key ${JSON.stringify(m.key)}`})`);
  }
  if (matched.length > maxListed) lines.push(`    … and ${matched.length - maxListed} more`);
  const possible = report.possibleDuplicates;
  lines.push(`  possible duplicates, for an editor to confirm or reject (never merged alone): ${possible.length === 0 ? 'none' : possible.length}`);
  for (const p of possible.slice(0, maxListed)) {
    const why = p.reason === 'SIMILAR_TEXT' ? `worded alike, ${p.score}` : `${p.reason === 'GENERIC_NAME' ? 'generic name' : 'another spelling'} ${JSON.stringify(p.key)}`;
    lines.push(`    ${p.label.toLowerCase()} ${p.a} ~ ${p.b} (${why})`);
  }
  if (possible.length > maxListed) lines.push(`    … and ${possible.length - maxListed} more`);
  for (const note of report.notes.slice(0, maxListed)) lines.push(`  note: ${note}`);
  if (report.notes.length > maxListed) lines.push(`  … and ${report.notes.length - maxListed} more notes`);
  return lines.join('\n');
}

/** One problem per line, `path (id "…") in FILE: expected X, got Y` (formatProblem); at most `max`, then "… and N more". */
export function problemLines(problems: readonly BundleProblem[], max = Infinity, indent = '  '): string[] {
  const lines = problems.slice(0, max).map((p) => `${indent}${formatProblem(p)}`);
  if (problems.length > max) lines.push(`${indent}… and ${formatCount(problems.length - max)} more`);
  return lines;
}

/** The problems an error carries (BAD_USER_INPUT from the validator), if any. */
export function problemsOf(details: Record<string, unknown> | undefined): BundleProblem[] | null {
  const problems = details?.problems;
  if (!Array.isArray(problems)) return null;
  return problems.filter(
    (p): p is BundleProblem => typeof p === 'object' && p !== null && typeof (p as BundleProblem).path === 'string',
  );
}
