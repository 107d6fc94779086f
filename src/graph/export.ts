import { notFound } from '../errors';
import type { GraphStore, QueryRunner, Row, Value } from '../store/port';
import type { QueryName } from '../store/queries';
import { NEWEST_CHANGE } from '../store/cursors';
import type {
  AffiliationRecord,
  AssessmentRecord,
  Audit,
  ChangeAction,
  ChangeRecord,
  Bundle,
  ClaimLinkRecord,
  ClaimRecord,
  DocumentRecord,
  EntityRecord,
  QuestionRecord,
  RatingRecord,
  ReliabilityGrade,
  Retraction,
  SourceKind,
  SourceRecord,
  Stance,
  StatementRecord,
  AchCellValue,
  AchCellRecord,
  Verdict,
} from './model';

export interface ExportOptions {
  /** Only this document and what its statements need to stand alone; the whole graph when absent. */
  document?: string;
  /** Records per query. */
  pageSize?: number;
}

type Obj = { [key: string]: Value };

const str = (o: Obj, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
const opt = (o: Obj, k: string): string | null => (typeof o[k] === 'string' ? (o[k] as string) : null);
const strs = (o: Obj, k: string): string[] => (Array.isArray(o[k]) ? (o[k] as Value[]).filter((x): x is string => typeof x === 'string') : []);

/** The audit fields, when the graph has all four (records written before auditing have none). */
function audit(o: Obj): Audit | null {
  const [createdAt, createdBy, updatedAt, updatedBy] = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'].map((k) => opt(o, k));
  return createdAt && createdBy && updatedAt && updatedBy ? { createdAt, createdBy, updatedAt, updatedBy } : null;
}

/** Every record one export query yields, page by page (keyset on id), within one read transaction. */
async function allRecords(tx: QueryRunner, query: QueryName, ids: string[] | null, pageSize: number): Promise<Obj[]> {
  const out: Obj[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: Row[] = await tx.run(query, { ids, after, limit: pageSize });
    const records = rows.map((r) => r.record as Obj);
    out.push(...records);
    if (records.length < pageSize) return out;
    after = str(records[records.length - 1] as Obj, 'id');
  }
}

/**
 * Exports the graph, or one document with everything its statements refer
 * to, as a bundle that `importBundle` accepts: records in id order with their
 * audit fields, read in one transaction so the bundle is one consistent
 * snapshot. Exporting, importing into an empty store and exporting again
 * gives the same bundle.
 */
/**
 * A bundle as its JSON is written (docs/BUNDLE.md): the records of the
 * model, except that a cell names its evidence by a `statement` or a
 * `claim` field, as editors write it.
 */
export type BundleJson = Omit<Bundle, 'questions'> & {
  questions: (Omit<QuestionRecord, 'cells'> & { cells: ({ hypothesis: string; statement?: string; claim?: string } & Omit<AchCellRecord, 'hypothesis' | 'evidence'>)[] })[];
};

/** The JSON form of a bundle (see {@link BundleJson}). */
export function bundleJson(b: Bundle): BundleJson {
  return {
    ...b,
    questions: b.questions.map((q) => ({
      ...q,
      cells: q.cells.map(({ evidence, ...c }) => ({ ...c, ...(evidence.kind === 'STATEMENT' ? { statement: evidence.id } : { claim: evidence.id }) })),
    })),
  };
}

export async function exportBundle(store: GraphStore, options: ExportOptions = {}): Promise<BundleJson> {
  return bundleJson(await exportRecords(store, options));
}

/** The records {@link exportBundle} writes, as the model holds them. */
export async function exportRecords(store: GraphStore, options: ExportOptions = {}): Promise<Bundle> {
  const pageSize = options.pageSize ?? 5000;
  return store.transaction('READ', async (tx) => {
    let scope: Record<'sources' | 'entities' | 'documents' | 'claims' | 'statements', string[] | null> = {
      sources: null, entities: null, documents: null, claims: null, statements: null,
    };
    if (options.document !== undefined) {
      const [closure] = await tx.run('document-closure', { document: options.document });
      if (closure === undefined) throw notFound('document', options.document);
      const ids = (k: string) => [...new Set(strs(closure, k))].sort();
      scope = { sources: ids('sources'), entities: ids('entities'), documents: ids('documents'), claims: ids('claims'), statements: ids('statements') };
    }
    const sources = await allRecords(tx, 'export-sources', scope.sources, pageSize);
    const entities = await allRecords(tx, 'export-entities', scope.entities, pageSize);
    const documents = await allRecords(tx, 'export-documents', scope.documents, pageSize);
    const claims = await allRecords(tx, 'export-claims', scope.claims, pageSize);
    const statements = await allRecords(tx, 'export-statements', scope.statements, pageSize);
    // Questions and judgements are editors' work on the whole graph: a document's export leaves them out.
    const questions = options.document === undefined ? await allRecords(tx, 'export-questions', null, pageSize) : [];
    const [judgements] = options.document === undefined ? await tx.run('export-judgements', { sources: null, claims: null }) : [];
    // So is the change log: what was deleted, unlinked or merged, by whom.
    const changes = options.document === undefined ? await changeLog(tx, pageSize) : [];

    // Intermediaries are stored as the ids the bundle gave; an id merged into
    // another since is written as the id it resolves to, so an export does
    // not depend on the order bundles came in.
    const viaIds = new Set<string>();
    for (const st of statements) for (const ap of (st.appearances ?? []) as Obj[]) for (const v of strs(ap, 'via')) viaIds.add(v);
    const canonical = new Map<string, string>();
    if (viaIds.size > 0) {
      for (const row of await tx.run('import-redirects', { keys: [...viaIds].map((id) => `Source:${id}`) })) canonical.set(String(row.key).slice('Source:'.length), String(row.target));
    }

    // A partial export keeps only the links whose both ends it holds.
    const sourceIds = new Set(sources.map((s) => str(s, 'id')));
    const claimIds = new Set(claims.map((c) => str(c, 'id')));
    const affiliations: AffiliationRecord[] = sources.flatMap((s) =>
      ((s.affiliations ?? []) as Obj[])
        .filter((a) => sourceIds.has(str(a, 'parent')))
        .map((a) => ({ source: str(s, 'id'), parent: str(a, 'parent'), role: opt(a, 'role'), recorded: linkAudit(a) })),
    );
    const links: ClaimLinkRecord[] = claims.flatMap((c) =>
      ((c.links ?? []) as Obj[])
        .filter((l) => claimIds.has(str(l, 'to')))
        .map((l) => ({ type: str(l, 'type') as ClaimLinkRecord['type'], from: str(c, 'id'), to: str(l, 'to'), linkedBy: str(l, 'linkedBy'), reason: str(l, 'reason'), recorded: linkAudit(l) })),
    );
    const sortBy = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
    affiliations.sort(sortBy((a) => `${a.source}\u0000${a.parent}`));
    links.sort(sortBy((l) => `${l.from}\u0000${l.type}\u0000${l.to}`));
    const formerIds = (o: Obj) => strs(o, 'formerIds').sort();
    // The entity a source is, when the export holds that entity (a partial export may not).
    const entityIds = new Set(entities.map((e) => str(e, 'id')));
    const entityOf = (s: Obj) => {
      const id = opt(s, 'entity');
      return id !== null && entityIds.has(id) ? { entity: id } : {};
    };

    return {
      format: 'claimgraph-bundle',
      version: 2,
      sources: sources.map((s): SourceRecord => ({
        id: str(s, 'id'), name: str(s, 'name'), kind: str(s, 'kind') as SourceKind, anonymous: s.anonymous === true,
        count: typeof s.count === 'number' ? s.count : null, description: opt(s, 'description'), aliases: strs(s, 'aliases'),
        formerIds: formerIds(s), recorded: audit(s), ...entityOf(s),
      })),
      affiliations,
      entities: entities.map((e): EntityRecord => ({
        id: str(e, 'id'), name: str(e, 'name'), description: opt(e, 'description'), aliases: strs(e, 'aliases'), formerIds: formerIds(e), recorded: audit(e),
      })),
      documents: documents.map((d): DocumentRecord => ({
        id: str(d, 'id'), title: str(d, 'title'), publisher: opt(d, 'publisher'), url: opt(d, 'url'),
        publishedAt: opt(d, 'publishedAt'), note: opt(d, 'note'), text: opt(d, 'text'), formerIds: formerIds(d), recorded: audit(d),
      })),
      claims: claims.map((c): ClaimRecord => ({ id: str(c, 'id'), text: str(c, 'text'), about: strs(c, 'about').sort(), formerIds: formerIds(c), recorded: audit(c) })),
      statements: statements.map((st) => statementRecordOf(st, canonical)),
      links,
      questions: questions.map((q): QuestionRecord => ({
        id: str(q, 'id'), text: str(q, 'text'), hypotheses: strs(q, 'hypotheses').sort(),
        cells: ((q.cells ?? []) as Obj[])
          .map((c) => ({
            hypothesis: str(c, 'hypothesis'), evidence: { kind: str(c, 'kind') as 'STATEMENT' | 'CLAIM', id: str(c, 'evidence') },
            cell: str(c, 'cell') as AchCellValue, reason: str(c, 'reason'), by: str(c, 'by'), at: str(c, 'at'),
          }))
          .sort(sortBy((c) => `${c.hypothesis}\u0000${c.evidence.kind}\u0000${c.evidence.id}`)),
        recorded: audit(q),
      })),
      ratings: ((judgements?.ratings ?? []) as Obj[]).map((r): RatingRecord => ({
        id: str(r, 'id'), source: str(r, 'source'), grade: str(r, 'grade') as ReliabilityGrade, reason: str(r, 'reason'), by: str(r, 'by'), at: str(r, 'at'),
      })),
      assessments: ((judgements?.assessments ?? []) as Obj[]).map((a): AssessmentRecord => ({
        id: str(a, 'id'), claim: str(a, 'claim'), verdict: str(a, 'verdict') as Verdict, rating: typeof a.rating === 'number' ? a.rating : 0,
        explanation: str(a, 'explanation'), url: opt(a, 'url'), by: str(a, 'by'), at: str(a, 'at'),
      })),
      changes,
    };
  });
}

/** The whole change log, oldest first (ids begin with the time), its details as the JSON they were written as. */
export async function changeLog(tx: QueryRunner, pageSize: number): Promise<ChangeRecord[]> {
  const newestFirst: ChangeRecord[] = [];
  let after = NEWEST_CHANGE;
  for (;;) {
    const rows: Row[] = await tx.run('changes-page', { after, limit: pageSize });
    for (const row of rows) {
      const c = row.change as Obj;
      const details = opt(c, 'details');
      newestFirst.push({
        id: str(c, 'id'), at: str(c, 'at'), by: str(c, 'by'), action: str(c, 'action') as ChangeAction, kind: str(c, 'kind'), target: str(c, 'target'),
        details: details === null ? null : (JSON.parse(details) as unknown),
      });
    }
    if (rows.length < pageSize) return newestFirst.reverse();
    after = (newestFirst[newestFirst.length - 1] as ChangeRecord).id;
  }
}

/**
 * A statement as export-statements (and statements-by-sources) reads it, as
 * a bundle record: appearances in document id order, each intermediary named
 * by the id it resolves to now (`canonical`: redirected ids).
 */
export function statementRecordOf(st: Obj, canonical: ReadonlyMap<string, string> = new Map()): StatementRecord {
  const sortBy = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    id: str(st, 'id'), source: str(st, 'source'), claim: str(st, 'claim'), stance: str(st, 'stance') as Stance,
    hedged: st.hedged === true, hedge: opt(st, 'hedge'), date: opt(st, 'date'), madeAt: opt(st, 'madeAt'),
    quote: opt(st, 'quote'), paraphrase: opt(st, 'paraphrase'),
    appearances: ((st.appearances ?? []) as Obj[])
      .map((ap) => {
        const viaDocuments = strs(ap, 'viaDocuments');
        const exact = opt(ap, 'exact');
        return {
          document: str(ap, 'document'), quote: opt(ap, 'quote'), paraphrase: opt(ap, 'paraphrase'),
          // '' marks a step whose own document is not known (engines keep no null in a list).
          via: strs(ap, 'via').map((v, i) => ({ source: canonical.get(v) ?? v, document: viaDocuments[i] ? (viaDocuments[i] as string) : null })),
          selector: exact === null ? null : { exact, prefix: opt(ap, 'prefix'), suffix: opt(ap, 'suffix') },
          ...retractionOf(ap, canonical),
        };
      })
      .sort(sortBy((ap) => ap.document)),
    derivedFrom: opt(st, 'derivedFrom'), supersedes: strs(st, 'supersedes').sort(), formerIds: strs(st, 'formerIds').sort(), recorded: audit(st),
  };
}

/** The `retracted` field of a stored appearance, left out when the printing stands (as a bundle without it reads). */
export function retractionOf(ap: Obj, canonical: ReadonlyMap<string, string> = new Map()): { retracted?: Retraction } {
  const by = opt(ap, 'retractedBy');
  return by === null ? {} : { retracted: { by: canonical.get(by) ?? by, date: opt(ap, 'retractedAt'), document: opt(ap, 'retractedIn'), reason: opt(ap, 'retractionReason') } };
}

/** Relationships record only their creation; the bundle's audit object wants all four fields. */
function linkAudit(o: Obj): Audit | null {
  const createdAt = opt(o, 'createdAt');
  const createdBy = opt(o, 'createdBy');
  return createdAt && createdBy ? { createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy } : null;
}
