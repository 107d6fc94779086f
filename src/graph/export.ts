import { notFound } from '../errors';
import type { GraphStore, QueryRunner, Row, Value } from '../store/port';
import type { QueryName } from '../store/queries';
import type {
  AffiliationRecord,
  Audit,
  Bundle,
  ClaimLinkRecord,
  ClaimRecord,
  DocumentRecord,
  EntityRecord,
  SourceKind,
  SourceRecord,
  Stance,
  StatementRecord,
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
export async function exportBundle(store: GraphStore, options: ExportOptions = {}): Promise<Bundle> {
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

    return {
      format: 'claimgraph-bundle',
      version: 1,
      sources: sources.map((s): SourceRecord => ({
        id: str(s, 'id'), name: str(s, 'name'), kind: str(s, 'kind') as SourceKind, anonymous: s.anonymous === true,
        count: typeof s.count === 'number' ? s.count : null, description: opt(s, 'description'), aliases: strs(s, 'aliases'), recorded: audit(s),
      })),
      affiliations,
      entities: entities.map((e): EntityRecord => ({
        id: str(e, 'id'), name: str(e, 'name'), description: opt(e, 'description'), aliases: strs(e, 'aliases'), recorded: audit(e),
      })),
      documents: documents.map((d): DocumentRecord => ({
        id: str(d, 'id'), title: str(d, 'title'), publisher: opt(d, 'publisher'), url: opt(d, 'url'),
        publishedAt: opt(d, 'publishedAt'), note: opt(d, 'note'), recorded: audit(d),
      })),
      claims: claims.map((c): ClaimRecord => ({ id: str(c, 'id'), text: str(c, 'text'), about: strs(c, 'about').sort(), recorded: audit(c) })),
      statements: statements.map((st): StatementRecord => ({
        id: str(st, 'id'), source: str(st, 'source'), claim: str(st, 'claim'), stance: str(st, 'stance') as Stance,
        quote: opt(st, 'quote'), paraphrase: opt(st, 'paraphrase'), hedge: opt(st, 'hedge'), document: opt(st, 'document'),
        reportedVia: opt(st, 'reportedVia'), madeAt: opt(st, 'madeAt'), recorded: audit(st),
      })),
      links,
    };
  });
}

/** Relationships record only their creation; the bundle's audit object wants all four fields. */
function linkAudit(o: Obj): Audit | null {
  const createdAt = opt(o, 'createdAt');
  const createdBy = opt(o, 'createdBy');
  return createdAt && createdBy ? { createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy } : null;
}
