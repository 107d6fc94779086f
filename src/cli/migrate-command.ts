/**
 * `claimgraph migrate`: upgrades a store written by claimgraph 0.1 (graph
 * model version 1) in place, in one transaction (src/graph/migrate.ts).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config';
import { ClaimgraphError } from '../errors';
import { migrateStore, MIGRATION_EDITOR, type MigrationReport, type V1StoreRecords } from '../graph/migrate';
import { describeSigns } from '../store/model-version';
import { connectStore, storeLabel } from '../store/open';
import { EXIT, type Command, type ParsedArgs, UsageError } from './args';
// Only the type at load time: commands.ts registers this command, so its values are loaded when the command runs.
import { describeError, exitCodeOf } from './failures';
import { formatCount, reportTable } from './format';

/** The files --backup writes into its folder. */
export const BACKUP_FILES = { records: 'records.v1.bundle.json', editorial: 'editorial.v2.bundle.json' } as const;

const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
const err = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * Writes the records read to `dir` (created; it must not hold files yet):
 * the version 1 bundle, and the editors' work as a version 2 bundle. The
 * folder imports as one set: `claimgraph import DIR` into an empty store
 * gives what the migration gives.
 */
export function writeBackup(dir: string, read: V1StoreRecords): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`Option --backup of migrate needs a new or empty folder; ${dir} holds files already.`, 'migrate');
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, BACKUP_FILES.records)];
  writeFileSync(written[0] as string, `${JSON.stringify(read.records, null, 2)}\n`);
  if (read.editorial !== null) {
    const file = join(dir, BACKUP_FILES.editorial);
    writeFileSync(file, `${JSON.stringify(read.editorial, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

/** The lines that say what the store held and what the upgrade makes of it. */
export function foundLines(report: MigrationReport, withNotes = true): string[] {
  const f = report.found;
  const u = report.upgraded;
  if (f === null || u === null) return [];
  const lines = [
    `Read from the version 1 graph: ${plural(f.sources, 'source')}, ${plural(f.entities, 'entity', 'entities')}, ${plural(f.documents, 'document')}, ` +
      `${plural(f.claims, 'claim')}, ${plural(f.statements, 'statement')} (${formatCount(f.reportedIn)} REPORTED_IN, ${formatCount(f.reportedVia)} REPORTED_VIA), ` +
      `${plural(f.questions, 'question')}, ${plural(f.ratings - report.detached.ratings, 'rating')}, ${plural(f.assessments - report.detached.assessments, 'assessment')}.`,
    `Upgraded to version 2: ${plural(u.sources, 'source')}, ${plural(u.affiliations, 'affiliation')}, ${plural(u.entities, 'entity', 'entities')}, ${plural(u.documents, 'document')}, ` +
      `${plural(u.claims, 'claim')}, ${plural(u.statements, 'statement')}${u.statements < f.statements ? ` (${formatCount(f.statements - u.statements)} version 1 copies folded into the statements they copy; their ids kept as redirects)` : ''}, ` +
      `${plural(u.links, 'link')}, ${plural(u.questions, 'question')}, ${plural(u.ratings, 'rating')}, ${plural(u.assessments, 'assessment')}.`,
  ];
  if (f.changes > 0) lines.push(`Kept as it is: the change log (${plural(f.changes, 'entry', 'entries')}).`);
  const d = report.detached;
  if (d.ratings + d.assessments > 0) {
    lines.push(`Kept as they are, not migrated: ${plural(d.ratings, 'rating')} and ${plural(d.assessments, 'assessment')} whose source or claim was deleted in version 1 (no API showed them).`);
  }
  if (withNotes) for (const note of report.notes) lines.push(`  note: ${note}`);
  return lines;
}

export const migrateCommand: Command = {
  summary: 'upgrade a store written by claimgraph 0.1 (graph model version 1) in place, in one transaction',
  help: `Usage: claimgraph migrate [--dry-run] [--backup DIR] [--editor NAME]

Upgrades the configured store from the graph model of claimgraph 0.1
(version 1: statements REPORTED_IN documents and REPORTED_VIA statements,
the stance HEDGES) to version 2, in place. This version refuses to serve a
version 1 store until it is migrated (README.md, "Upgrading from 0.1").

It reads the whole graph in one read transaction, as a version 1 bundle
with every record's audit fields, plus the editors' questions, ratings and
assessments; upgrades it as every version 1 bundle is upgraded on import
(docs/BUNDLE.md, "Version 1 and its upgrade"); and then, in ONE write
transaction, deletes the version 1 records and imports the upgraded ones:
either all of it is migrated or nothing is. The change log is kept as it is.
Prints what it read, what the upgrade made of it and its notes, and what
the import wrote. On a store of version 2 it says there is nothing to
migrate and writes nothing.

Options:
  --dry-run       read, upgrade and check, and print the report; write
                  nothing to the store
  --backup DIR    first write what was read to DIR (a new or empty folder):
                  ${BACKUP_FILES.records} (what claimgraph 0.1's export
                  would write, audit fields included) and, when there are
                  questions, ratings or assessments,
                  ${BACKUP_FILES.editorial}. "npx claimgraph import DIR" into
                  an empty store gives what the migration gives. Works with
                  --dry-run too.
  --editor NAME   recorded on records that carry no audit fields of their
                  own (default ${MIGRATION_EDITOR})
  -h, --help      show this help

Stop every server on the store first (the embedded store is locked while one
runs; on Neo4j, a claimgraph 0.1 still writing makes the migration stop).

Exit codes: 0 migrated, or nothing to migrate; 1 the store holds records that
cannot be migrated (each listed; nothing written); 2 usage or configuration
error; 3 store error (nothing written).

Examples:
  npx claimgraph migrate --dry-run --backup ./before-0.2
  npx claimgraph migrate
`,
  options: { values: ['backup', 'editor'], flags: ['dry-run'] },
  async run(args: ParsedArgs) {
    if (args.positional.length > 0) throw new UsageError(`migrate takes no positional argument, got ${JSON.stringify(args.positional[0])}.`, 'migrate');
    const dryRun = args.flags.has('dry-run');
    const backup = args.values.get('backup');
    const editor = args.values.get('editor')?.trim() || MIGRATION_EDITOR;
    if (backup !== undefined && existsSync(backup) && readdirSync(backup).length > 0) {
      throw new UsageError(`Option --backup of migrate needs a new or empty folder; ${backup} holds files already.`, 'migrate');
    }
    const config = loadConfig();
    const where = storeLabel(config.store);
    const nothing = dryRun ? 'Dry run: nothing was written to the store.' : 'Nothing was written to the store.';
    let report: MigrationReport;
    try {
      const store = await connectStore(config.store);
      try {
        report = await migrateStore(store, {
          dryRun,
          editor,
          onRead: (read) => {
            if (backup === undefined) return;
            const files = writeBackup(backup, read);
            out(`Backup of the version 1 graph written: ${files.join(', ')} (claimgraph import ${backup} into an empty store restores what the migration writes).`);
          },
        });
      } finally {
        await store.close();
      }
    } catch (error) {
      // Records that cannot be migrated: the message lists them, each with its id (not "the bundle has problems").
      const unmigratable = error instanceof ClaimgraphError && error.code === 'BAD_USER_INPUT';
      err(`claimgraph migrate: ${unmigratable ? error.message : describeError(error)}`);
      err(nothing);
      return exitCodeOf(error);
    }
    if (report.outcome === 'current') {
      out(`${where} holds a version ${report.model.version} graph${report.model.marker === null ? ' (or none yet)' : ''}: nothing to migrate.`);
      if (backup !== undefined) out('No backup was written: there is no version 1 graph to back up.');
      return EXIT.OK;
    }
    out(`${where} holds a version 1 graph, written by claimgraph 0.1 (${describeSigns(report.model.signs)}).`);
    // A migration's notes come with the import's report below.
    for (const line of foundLines(report, report.outcome === 'checked')) out(line);
    if (report.outcome === 'checked') {
      out(nothing);
      out('Run "npx claimgraph migrate" without --dry-run to migrate it.');
      return EXIT.OK;
    }
    if (report.imported !== null) out(reportTable(report.imported));
    out(`Migrated in one transaction: ${plural(report.deleted ?? 0, 'version 1 node')} deleted, the upgraded records imported, the store marked as model version 2.`);
    return EXIT.OK;
  },
};
