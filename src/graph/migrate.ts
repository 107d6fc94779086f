/**
 * `claimgraph migrate`: upgrades a store written by claimgraph 0.1 (graph
 * model version 1, docs/MODEL.md "Model version") in place.
 *
 * 1. Reads the version 1 graph with Cypher (cypher/migrate-v1-*.cypher), page
 *    by page, in one read transaction: a version 1 bundle of its records, with
 *    their `recorded` audit fields, as claimgraph 0.1's export wrote it, and a
 *    version 2 bundle of the editors' questions, ratings and assessments,
 *    which version 1 bundles could not carry.
 * 2. Upgrades and checks them as one set (src/graph/bundle-v1.ts, the same
 *    upgrade every version 1 bundle gets on import).
 * 3. In ONE write transaction: deletes the version 1 records, imports the set
 *    (src/graph/import.ts, `recorded` kept), writes the model marker and checks
 *    that no version 1 record is left. Either all of it is committed or none.
 *
 * The change log (Change nodes) is left as it is; so are ratings and
 * assessments whose source or claim was deleted in version 1 (no API could
 * reach them), and the report counts them.
 */
import { badInput, ClaimgraphError } from '../errors';
import type { GraphStore, QueryRunner, Row, Value } from '../store/port';
import type { QueryName } from '../store/queries';
import { MODEL_VERSION, modelError, readStoreModel, readStoreModelWithin, writeModelMarkerWithin, type StoreModel } from '../store/model-version';
import { formatProblem, type BundleProblem } from './bundle';
import { checkBundleSet, type BundleFile } from './bundle-set';
import type { V1Bundle, V1Document, V1Entity, V1Link, V1Source, V1Statement, V1Claim } from './bundle-v1';
import { bundleJson, changeLog, type BundleJson } from './export';
import { importWithin, type ImportReport } from './import';
import type { AchCellValue, AffiliationRecord, AssessmentRecord, Audit, Bundle, QuestionRecord, RatingRecord, ReliabilityGrade, Verdict } from './model';

/** Who is recorded on migrated records that carry no audit fields of their own. */
export const MIGRATION_EDITOR = 'claimgraph-migrate';

/** What a version 1 store holds (cypher/migrate-v1-counts.cypher). */
export interface V1Counts {
  sources: number;
  entities: number;
  documents: number;
  claims: number;
  statements: number;
  questions: number;
  ratings: number;
  assessments: number;
  /** The change log, kept as it is. */
  changes: number;
  reportedIn: number;
  reportedVia: number;
}

/** The records read from a version 1 store, as files of one set. */
export interface V1StoreRecords {
  /** The graph's records as a version 1 bundle: what claimgraph 0.1's `export` wrote, `recorded` included. */
  records: V1Bundle;
  /** The editors' questions, ratings and assessments, as a version 2 bundle (version 1 bundles had no such sections); null when there are none. */
  editorial: BundleJson | null;
  /** Ratings and assessments without a source or claim (theirs was deleted in version 1): kept in the store as they are, not migrated. */
  detached: { ratings: number; assessments: number };
}

export interface MigrationOptions {
  /** Read, upgrade and check, and report what the migration would do; write nothing. */
  dryRun?: boolean;
  /** Recorded on records without audit fields of their own (default claimgraph-migrate). */
  editor?: string;
  /** The time recorded (ISO 8601); now by default. */
  now?: string;
  /** Records per read query, rows per delete and import query. */
  pageSize?: number;
  /**
   * Called with the records read, before anything is written (the CLI's
   * --backup writes them to files). When it throws, nothing is written.
   */
  onRead?: (read: V1StoreRecords) => void | Promise<void>;
  /** Called after each chunk the import writes. */
  onProgress?: (written: number, total: number) => void;
}

/** The upgraded set's size, per section (the dry run's report). */
export type SetSizes = Record<'sources' | 'affiliations' | 'entities' | 'documents' | 'claims' | 'statements' | 'links' | 'questions' | 'ratings' | 'assessments', number>;

export interface MigrationReport {
  /** `current`: nothing to migrate; `checked`: a dry run; `migrated`: done, committed. */
  outcome: 'current' | 'checked' | 'migrated';
  /** The model the store was found in. */
  model: StoreModel;
  /** What the version 1 store held (null when there was nothing to migrate). */
  found: V1Counts | null;
  /** Ratings and assessments left as they were: their source or claim was deleted in version 1. */
  detached: { ratings: number; assessments: number };
  /** The upgraded set, per section (version 1 copies of one statement folded into one). */
  upgraded: SetSizes | null;
  /** What the upgrade changed that a user should know (docs/BUNDLE.md, "The upgrade"). */
  notes: string[];
  /** The import's report (created per kind, names matched, possible duplicates); null in a dry run. */
  imported: ImportReport | null;
  /** Nodes deleted before the import (null in a dry run). */
  deleted: number | null;
}

const DEFAULT_PAGE_SIZE = 5000;

type Obj = { [key: string]: Value };
const str = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
const opt = (o: Obj, k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
const strs = (o: Obj, k: string): string[] => (Array.isArray(o[k]) ? (o[k] as Value[]).filter((x): x is string => typeof x === 'string') : []);
const num = (v: Value | undefined): number => (typeof v === 'number' ? v : 0);
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The audit fields, when the graph has all four (records written before auditing have none). */
function audit(o: Obj): Audit | null {
  const [createdAt, createdBy, updatedAt, updatedBy] = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'].map((k) => opt(o, k));
  return createdAt && createdBy && updatedAt && updatedBy ? { createdAt, createdBy, updatedAt, updatedBy } : null;
}

/** Relationships record only their creation; the bundle's audit object wants all four fields. */
function linkAudit(o: Obj): Audit | null {
  const createdAt = opt(o, 'createdAt');
  const createdBy = opt(o, 'createdBy');
  return createdAt && createdBy ? { createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy } : null;
}

/** Every record one paged query yields (keyset on id). */
async function allRecords(tx: QueryRunner, query: QueryName, pageSize: number): Promise<Obj[]> {
  const out: Obj[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await tx.run(query, { after, limit: pageSize });
    const records = rows.map((r) => r.record as Obj);
    out.push(...records);
    if (records.length < pageSize) return out;
    after = str(records[records.length - 1] as Obj, 'id');
  }
}

async function countsWithin(tx: QueryRunner): Promise<V1Counts> {
  const [row] = await tx.run('migrate-v1-counts');
  const keys = ['sources', 'entities', 'documents', 'claims', 'statements', 'questions', 'ratings', 'assessments', 'changes', 'reportedIn', 'reportedVia'] as const;
  return Object.fromEntries(keys.map((k) => [k, num(row?.[k])])) as unknown as V1Counts;
}

/**
 * Reads a version 1 store's records inside a transaction the caller holds:
 * the version 1 bundle (0.1's export, every statement node included) and the
 * editors' work as a version 2 bundle.
 */
export async function readV1Within(tx: QueryRunner, pageSize = DEFAULT_PAGE_SIZE): Promise<{ counts: V1Counts; read: V1StoreRecords }> {
  const counts = await countsWithin(tx);
  const sources = await allRecords(tx, 'migrate-v1-sources', pageSize);
  const entities = await allRecords(tx, 'migrate-v1-entities', pageSize);
  const documents = await allRecords(tx, 'migrate-v1-documents', pageSize);
  const claims = await allRecords(tx, 'migrate-v1-claims', pageSize);
  const statements = await allRecords(tx, 'migrate-v1-statements', pageSize);
  const questions = await allRecords(tx, 'migrate-v1-questions', pageSize);
  const [judgements] = await tx.run('migrate-v1-judgements');
  // The change log stays in the store; it is read too so that the backup of a migration carries it.
  const changes = await changeLog(tx, pageSize);

  const affiliations: AffiliationRecord[] = sources.flatMap((s) =>
    ((s.affiliations ?? []) as Obj[]).map((a) => ({ source: str(s, 'id'), parent: str(a, 'parent'), role: opt(a, 'role'), recorded: linkAudit(a) })),
  );
  const links: V1Link[] = claims.flatMap((c) =>
    ((c.links ?? []) as Obj[]).map((l) => ({
      type: str(l, 'type') as V1Link['type'], from: str(c, 'id'), to: str(l, 'to'), linkedBy: str(l, 'linkedBy'), reason: str(l, 'reason'), recorded: linkAudit(l),
    })),
  );
  affiliations.sort((a, b) => byCodeUnit(`${a.source}\u0000${a.parent}`, `${b.source}\u0000${b.parent}`));
  links.sort((a, b) => byCodeUnit(`${a.from}\u0000${a.type}\u0000${a.to}`, `${b.from}\u0000${b.type}\u0000${b.to}`));

  const records: V1Bundle = {
    format: 'claimgraph-bundle',
    version: 1,
    sources: sources.map((s): V1Source => ({
      id: str(s, 'id'), name: str(s, 'name'), kind: str(s, 'kind') as V1Source['kind'], anonymous: s.anonymous === true,
      count: typeof s.count === 'number' ? s.count : null, description: opt(s, 'description'), aliases: strs(s, 'aliases'), recorded: audit(s),
    })),
    affiliations,
    entities: entities.map((e): V1Entity => ({ id: str(e, 'id'), name: str(e, 'name'), description: opt(e, 'description'), aliases: strs(e, 'aliases'), recorded: audit(e) })),
    documents: documents.map((d): V1Document => ({
      id: str(d, 'id'), title: str(d, 'title'), publisher: opt(d, 'publisher'), url: opt(d, 'url'), publishedAt: opt(d, 'publishedAt'), note: opt(d, 'note'), recorded: audit(d),
    })),
    claims: claims.map((c): V1Claim => ({ id: str(c, 'id'), text: str(c, 'text'), about: strs(c, 'about').sort(byCodeUnit), recorded: audit(c) })),
    // A statement read without its source or claim keeps null there: the version 1 check reports it by id.
    statements: statements.map((st) => ({
      id: str(st, 'id'), source: opt(st, 'source'), claim: opt(st, 'claim'), stance: opt(st, 'stance'),
      quote: opt(st, 'quote'), paraphrase: opt(st, 'paraphrase'), hedge: opt(st, 'hedge'), document: opt(st, 'document'),
      reportedVia: opt(st, 'reportedVia'), madeAt: opt(st, 'madeAt'), recorded: audit(st),
    }) as unknown as V1Statement),
    links,
  };

  const ratings = ((judgements?.ratings ?? []) as Obj[]).map((r): RatingRecord => ({
    id: str(r, 'id'), source: str(r, 'source'), grade: str(r, 'grade') as ReliabilityGrade, reason: str(r, 'reason'), by: str(r, 'by'), at: str(r, 'at'),
  }));
  const assessments = ((judgements?.assessments ?? []) as Obj[]).map((a): AssessmentRecord => ({
    id: str(a, 'id'), claim: str(a, 'claim'), verdict: str(a, 'verdict') as Verdict, rating: num(a.rating),
    explanation: str(a, 'explanation'), url: opt(a, 'url'), by: str(a, 'by'), at: str(a, 'at'),
  }));
  const questionRecords = questions.map((q): QuestionRecord => ({
    id: str(q, 'id'), text: str(q, 'text'), hypotheses: strs(q, 'hypotheses').sort(byCodeUnit),
    cells: ((q.cells ?? []) as Obj[])
      .map((c) => ({
        hypothesis: str(c, 'hypothesis'), evidence: { kind: str(c, 'kind') as 'STATEMENT' | 'CLAIM', id: str(c, 'evidence') },
        cell: str(c, 'cell') as AchCellValue, reason: str(c, 'reason'), by: str(c, 'by'), at: str(c, 'at'),
      }))
      .sort((a, b) => byCodeUnit(`${a.hypothesis}\u0000${a.evidence.kind}\u0000${a.evidence.id}`, `${b.hypothesis}\u0000${b.evidence.kind}\u0000${b.evidence.id}`)),
    recorded: audit(q),
  }));
  const editorial: Bundle | null =
    questionRecords.length + ratings.length + assessments.length + changes.length === 0
      ? null
      : {
          format: 'claimgraph-bundle', version: 2, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [],
          questions: questionRecords, ratings, assessments,
          // The change log stays in the store as it is (its entries are found there: unchanged).
          changes,
        };
  const read: V1StoreRecords = {
    records,
    editorial: editorial === null ? null : bundleJson(editorial),
    detached: { ratings: counts.ratings - ratings.length, assessments: counts.assessments - assessments.length },
  };
  return { counts, read };
}

/** The files of the set a migration imports, named for its messages. */
export function migrationFiles(read: V1StoreRecords): BundleFile[] {
  return [
    { name: 'the store (version 1 records)', json: read.records },
    ...(read.editorial === null ? [] : [{ name: 'the store (questions, ratings, assessments)', json: read.editorial }]),
  ];
}

/** The problems of the records read, as the one error a migration fails with. */
function unmigratable(problems: readonly BundleProblem[]): ClaimgraphError {
  return badInput(
    `The version 1 store holds ${problems.length} problem(s) that stop the migration; nothing was written. Correct them with claimgraph 0.1 and run the migration again:\n` +
      [...problems.slice(0, 50).map((p) => `  ${formatProblem(p)}`), ...(problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [])].join('\n'),
    { problems },
  );
}

/** The upgraded set's size per section, its notes and its problems (checked on its own: nothing else is left once the version 1 records are deleted). */
function checkSet(files: BundleFile[]): { sizes: SetSizes; notes: string[]; problems: BundleProblem[] } {
  const { bundle, problems, notes } = checkBundleSet(files);
  const sizes = Object.fromEntries(
    (['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links', 'questions', 'ratings', 'assessments'] as const).map((k) => [k, bundle[k].length]),
  ) as SetSizes;
  return { sizes, notes, problems };
}

const sameCounts = (a: V1Counts, b: V1Counts): boolean => (Object.keys(a) as (keyof V1Counts)[]).every((k) => a[k] === b[k]);

/**
 * Migrates a version 1 store in place (see the top of this file). A store
 * already of version 2 (or empty) is left as it is (`outcome: 'current'`);
 * one of a later model is refused. `store` must be opened without the model
 * check ({@link connectStore}); the schema is applied before the write.
 */
export async function migrateStore(store: GraphStore, options: MigrationOptions = {}): Promise<MigrationReport> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const model = await readStoreModel(store);
  const none = { ratings: 0, assessments: 0 };
  if (model.version > MODEL_VERSION) throw modelError(model, 'The store');
  if (model.version === MODEL_VERSION) {
    return { outcome: 'current', model, found: null, detached: none, upgraded: null, notes: [], imported: null, deleted: null };
  }

  const { counts, read } = await store.transaction('READ', (tx) => readV1Within(tx, pageSize));
  const files = migrationFiles(read);
  const { sizes, notes, problems } = checkSet(files);
  await options.onRead?.(read);
  const base = { model, found: counts, detached: read.detached, upgraded: sizes, notes };
  if (options.dryRun === true) {
    if (problems.length > 0) throw unmigratable(problems);
    return { outcome: 'checked', ...base, imported: null, deleted: null };
  }

  await store.applySchema();
  const now = options.now ?? new Date().toISOString();
  const { imported, deleted } = await store.transaction('WRITE', async (tx) => {
    // Nothing may have changed since the read: what is deleted is exactly what was read.
    const still = await readStoreModelWithin(tx);
    if (still.version !== 1) throw new ClaimgraphError('CONFLICT', 'The store changed while it was being migrated: it no longer holds a version 1 graph. Nothing was written.');
    if (!sameCounts(await countsWithin(tx), counts)) {
      throw new ClaimgraphError('CONFLICT', 'The store changed while it was being migrated (is a claimgraph 0.1 server still writing to it?). Nothing was written; stop every other writer and run the migration again.');
    }
    let deletedNodes = 0;
    for (;;) {
      const [row] = await tx.run('migrate-v1-delete', { limit: pageSize });
      const n = num(row?.deleted);
      deletedNodes += n;
      if (n === 0) break;
    }
    // The import checks the records again (a problem found here rolls the deletions back) and writes them.
    let report: ImportReport;
    try {
      report = await importWithin(tx, null, { editor: options.editor ?? MIGRATION_EDITOR, now, keepRecorded: true, chunkSize: pageSize, onProgress: options.onProgress }, files);
    } catch (error) {
      const found = error instanceof ClaimgraphError && error.code === 'BAD_USER_INPUT' ? (error.details?.problems as BundleProblem[] | undefined) : undefined;
      throw found !== undefined && found.length > 0 ? unmigratable(found) : error;
    }
    await writeModelMarkerWithin(tx, now);
    // The marker now says version 2: look for version 1 records past it, as a store without one would be searched.
    const [left] = await tx.run('model-v1-signs');
    const remaining = Object.entries(left ?? {}).filter(([, v]) => Array.isArray(v) && v.length > 0);
    if (remaining.length > 0) {
      throw new ClaimgraphError('INTERNAL', `The migration left version 1 records behind (${remaining.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('; ')}); it was rolled back, nothing was written.`);
    }
    return { imported: report, deleted: deletedNodes };
  });
  return { outcome: 'migrated', ...base, imported, deleted };
}
