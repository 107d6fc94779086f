import { createHash } from 'node:crypto';
import type { QueryRunner, Row } from '../store/port';
import type { GraphStore } from '../store/port';
import type { QueryName } from '../store/queries';
import { badInput } from '../errors';
import { checkBundle, parseBundle, type BundleProblem, type KnownIds } from './bundle';
import type { Audit, Bundle, ClaimLinkRecord, EntityRecord, SourceRecord } from './model';
import { aliasKeys, nameKey } from './names';

/** What an import did (or, in a dry run, would do) with one kind of record. */
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A bundle record recognised as a record the graph already holds under another id. */
export interface NameMatch {
  kind: 'source' | 'entity';
  bundleId: string;
  graphId: string;
  /** The name key that matched (see names.ts). */
  key: string;
}

export interface ImportReport {
  sources: KindCounts;
  entities: KindCounts;
  documents: KindCounts;
  claims: KindCounts;
  statements: KindCounts;
  affiliations: KindCounts;
  links: KindCounts;
  /** Records reused from the graph by name instead of being created. */
  matched: NameMatch[];
  /** Names that matched several records in the graph, so none was reused. */
  ambiguous: { kind: 'source' | 'entity'; bundleId: string; candidates: string[] }[];
}

export interface ImportOptions {
  /** Who writes: recorded as createdBy/updatedBy unless the bundle carries `recorded`. */
  editor: string;
  /** The time recorded as createdAt/updatedAt (ISO 8601); now by default. */
  now?: string;
  /** Rows per query; each query is one progress step. */
  chunkSize?: number;
  /**
   * Keep the `recorded` stamps a bundle carries (default): an operator's
   * migration keeps its history. False stamps `editor` on everything, as the
   * API does, where a client must not write someone else's name.
   */
  keepRecorded?: boolean;
  /** Called after each chunk with the rows written so far and the rows to write. */
  onProgress?: (written: number, total: number) => void;
}

const EMPTY = (): KindCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** A stable fingerprint of a record's content (audit fields excluded). */
function fingerprint(record: object): string {
  const { recorded: _audit, ...content } = record as { recorded?: unknown };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/** Ids a bundle refers to or defines, per kind, for one existence check. */
function idsOf(b: Bundle): Required<Record<keyof KnownIds, string[]>> {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null && x !== ''))];
  return {
    sources: uniq([
      ...b.sources.map((s) => s.id),
      ...b.affiliations.flatMap((a) => [a.source, a.parent]),
      ...b.documents.map((d) => d.publisher),
      ...b.statements.map((s) => s.source),
    ]),
    entities: uniq([...b.entities.map((e) => e.id), ...b.claims.flatMap((c) => c.about)]),
    documents: uniq([...b.documents.map((d) => d.id), ...b.statements.map((s) => s.document)]),
    claims: uniq([...b.claims.map((c) => c.id), ...b.statements.map((s) => s.claim), ...b.links.flatMap((l) => [l.from, l.to])]),
    statements: uniq([...b.statements.map((s) => s.id), ...b.statements.map((s) => s.reportedVia)]),
  };
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Finds, for records that are new by id, a graph record with the same name
 * key (name or alias): then the bundle's references point to it and the
 * bundle's record is not written. A key that hits several records is
 * reported as ambiguous and nothing is reused.
 */
async function matchByName<T extends SourceRecord | EntityRecord>(
  tx: QueryRunner,
  kind: 'source' | 'entity',
  records: T[],
  existing: Set<string>,
  query: QueryName,
  report: ImportReport,
): Promise<Map<string, string>> {
  const candidates = records.filter((r) => !existing.has(r.id) && !('anonymous' in r && r.anonymous));
  const keysOf = (r: T) => [nameKey(r.name), ...aliasKeys(r.name, r.aliases)].filter((k) => k !== '');
  const keys = [...new Set(candidates.flatMap(keysOf))];
  const renames = new Map<string, string>();
  if (keys.length === 0) return renames;
  const hits = new Map<string, { id: string; kind: unknown }[]>();
  for (const row of await tx.run(query, { keys })) {
    const key = String(row.key);
    hits.set(key, [...(hits.get(key) ?? []), { id: String(row.id), kind: row.kind }]);
  }
  for (const record of candidates) {
    const sameKind = (h: { kind: unknown }) => !('kind' in record) || h.kind === record.kind;
    const found = keysOf(record).flatMap((key) => (hits.get(key) ?? []).filter(sameKind).map((h) => ({ key, id: h.id })));
    const ids = [...new Set(found.map((f) => f.id))];
    if (ids.length === 1 && found[0] !== undefined) {
      renames.set(record.id, found[0].id);
      report.matched.push({ kind, bundleId: record.id, graphId: found[0].id, key: found[0].key });
    } else if (ids.length > 1) {
      report.ambiguous.push({ kind, bundleId: record.id, candidates: ids.sort() });
    }
  }
  return renames;
}

/** Rewrites every reference of the bundle through the name matches, and drops the matched records. */
function applyMatches(b: Bundle, sources: Map<string, string>, entities: Map<string, string>): Bundle {
  const src = (id: string) => sources.get(id) ?? id;
  const srcOrNull = (id: string | null) => (id === null ? null : src(id));
  return {
    ...b,
    sources: b.sources.filter((s) => !sources.has(s.id)),
    entities: b.entities.filter((e) => !entities.has(e.id)),
    affiliations: b.affiliations.map((a) => ({ ...a, source: src(a.source), parent: src(a.parent) })),
    documents: b.documents.map((d) => ({ ...d, publisher: srcOrNull(d.publisher) })),
    // `about` is a set (ABOUT relationships): sorted, its fingerprint does not depend on order.
    claims: b.claims.map((c) => ({ ...c, about: [...new Set(c.about.map((e) => entities.get(e) ?? e))].sort() })),
    statements: b.statements.map((s) => ({ ...s, source: src(s.source) })),
  };
}

type NodeKind = 'sources' | 'entities' | 'documents' | 'claims' | 'statements';

/** The rows an import writes, per query, in the order they must be written. */
type Plan = { query: QueryName; rows: object[] }[];

/**
 * Validates a bundle against the graph and works out what importing it would
 * change, reading only. Shared by the import and by its dry run (`validate`).
 */
async function plan(tx: QueryRunner, input: unknown, options: ImportOptions): Promise<{ plan: Plan; report: ImportReport }> {
  const now = options.now ?? new Date().toISOString();
  const report: ImportReport = {
    sources: EMPTY(), entities: EMPTY(), documents: EMPTY(), claims: EMPTY(), statements: EMPTY(), affiliations: EMPTY(), links: EMPTY(),
    matched: [], ambiguous: [],
  };

  // References can only be checked once we know which ids the graph already
  // holds: read the records as best they parse, ask the graph, then check
  // everything at once, so every problem is reported in one go.
  const { bundle: shaped } = checkBundle(input, { sources: ANY, entities: ANY, documents: ANY, claims: ANY, statements: ANY });
  const [existingRow] = await tx.run('existing-ids', idsOf(shaped));
  const known: Required<Record<keyof KnownIds, Set<string>>> = {
    sources: new Set(asStrings(existingRow?.sources)),
    entities: new Set(asStrings(existingRow?.entities)),
    documents: new Set(asStrings(existingRow?.documents)),
    claims: new Set(asStrings(existingRow?.claims)),
    statements: new Set(asStrings(existingRow?.statements)),
  };
  const checked = parseBundle(input, known);

  const sourceMatches = await matchByName(tx, 'source', checked.sources, known.sources, 'sources-by-name-keys', report);
  const entityMatches = await matchByName(tx, 'entity', checked.entities, known.entities, 'entities-by-name-keys', report);
  const b = applyMatches(checked, sourceMatches, entityMatches);

  const [fp] = await tx.run('import-fingerprints', {
    sources: b.sources.map((s) => s.id),
    entities: b.entities.map((e) => e.id),
    documents: b.documents.map((d) => d.id),
    claims: b.claims.map((c) => c.id),
    statements: b.statements.map((s) => s.id),
    affiliations: b.affiliations.map((a) => ({ source: a.source, parent: a.parent })),
    links: b.links.map((l) => ({ type: l.type, from: l.from, to: l.to })),
  });
  const hashes = (column: string) =>
    new Map(((fp?.[column] ?? []) as Row[]).map((r) => [String(r.id), typeof r.hash === 'string' ? r.hash : null]));

  const audit = (stamped: Audit | null | undefined) => {
    const recorded = options.keepRecorded === false ? null : stamped;
    return {
      createdAt: recorded?.createdAt ?? now,
      createdBy: recorded?.createdBy ?? options.editor,
      updatedAt: recorded?.updatedAt ?? now,
      updatedBy: recorded?.updatedBy ?? options.editor,
    };
  };

  /** Keeps the records that are new or whose fingerprint changed, counting all three outcomes. */
  function changedNodes<T extends { id: string; recorded?: Audit | null }>(records: T[], column: NodeKind, extra: (r: T) => object = () => ({})): object[] {
    const before = hashes(column);
    const counts = report[column];
    const rows: object[] = [];
    for (const record of records) {
      const hash = fingerprint(record);
      if (!before.has(record.id)) counts.created++;
      else if (before.get(record.id) === hash) {
        counts.unchanged++;
        continue;
      } else counts.updated++;
      const { recorded, ...content } = record;
      rows.push({ ...content, ...extra(record), hash, ...audit(recorded) });
    }
    return rows;
  }

  const sources = changedNodes(b.sources, 'sources', (s) => ({ nameKey: nameKey(s.name), aliasKeys: aliasKeys(s.name, s.aliases) }));
  const entities = changedNodes(b.entities, 'entities', (e) => ({ nameKey: nameKey(e.name), aliasKeys: aliasKeys(e.name, e.aliases) }));
  const documents = changedNodes(b.documents, 'documents');
  const claims = changedNodes(b.claims, 'claims');
  const statementRows = changedNodes(b.statements, 'statements');
  const statements = statementRows.map(({ reportedVia: _relay, ...row }: { reportedVia?: unknown }) => row);
  const relays = (statementRows as { id: string; reportedVia: string | null }[])
    .filter((s) => s.reportedVia !== null)
    .map((s) => ({ id: s.id, via: s.reportedVia }));

  // Relationships have no fingerprint: they are unchanged when their properties are.
  const affiliationsBefore = new Map(((fp?.affiliations ?? []) as Row[]).map((r) => [`${r.source}\u0000${r.parent}`, r.role ?? null]));
  const affiliations: object[] = [];
  for (const a of b.affiliations) {
    const key = `${a.source}\u0000${a.parent}`;
    if (!affiliationsBefore.has(key)) report.affiliations.created++;
    else if (affiliationsBefore.get(key) === a.role) {
      report.affiliations.unchanged++;
      continue;
    } else report.affiliations.updated++;
    const { createdAt, createdBy } = audit(a.recorded);
    affiliations.push({ source: a.source, parent: a.parent, role: a.role, createdAt, createdBy });
  }
  const linksBefore = new Map(((fp?.links ?? []) as Row[]).map((r) => [`${r.type}\u0000${r.from}\u0000${r.to}`, `${r.linkedBy}\u0000${r.reason}`]));
  const linkRows = (type: ClaimLinkRecord['type']): object[] =>
    b.links.flatMap((l) => {
      if (l.type !== type) return [];
      const before = linksBefore.get(`${l.type}\u0000${l.from}\u0000${l.to}`);
      if (before === undefined) report.links.created++;
      else if (before === `${l.linkedBy}\u0000${l.reason}`) {
        report.links.unchanged++;
        return [];
      } else report.links.updated++;
      const { createdAt, createdBy } = audit(l.recorded);
      return [{ from: l.from, to: l.to, linkedBy: l.linkedBy, reason: l.reason, createdAt, createdBy }];
    });

  return {
    report,
    plan: [
      { query: 'import-sources', rows: sources },
      { query: 'import-entities', rows: entities },
      { query: 'import-documents', rows: documents },
      { query: 'import-claims', rows: claims },
      { query: 'import-affiliations', rows: affiliations },
      { query: 'import-statements', rows: statements },
      { query: 'import-statement-relays', rows: relays },
      { query: 'import-contradictions', rows: linkRows('CONTRADICTS') },
      { query: 'import-supports', rows: linkRows('SUPPORTS') },
    ],
  };
}

/** Stands for "any id": the shape pass must not report references, only shapes. */
const ANY = { has: (): boolean => true };

/**
 * Imports a bundle (parsed JSON, not yet trusted) in one write transaction:
 * all of it or none of it. It is validated against the graph (references may
 * name records already stored); sources and entities new by id are matched to
 * stored ones by name (names.ts); then only records that are new or changed
 * are written, so a second import of the same bundle writes nothing, and an
 * edited record is rewritten with its references moved, not doubled.
 */
export async function importBundle(store: GraphStore, input: unknown, options: ImportOptions): Promise<ImportReport> {
  return store.transaction('WRITE', (tx) => importWithin(tx, input, options));
}

/**
 * {@link importBundle} inside a write transaction the caller already holds,
 * so that an edit can validate and write a bundle together with other
 * queries, all committed or none. Throws (and writes nothing) on a bundle
 * with problems; the caller's transaction then rolls back.
 */
export async function importWithin(tx: QueryRunner, input: unknown, options: ImportOptions): Promise<ImportReport> {
  const { plan: steps, report } = await plan(tx, input, options);
  const size = options.chunkSize ?? 1000;
  const total = steps.reduce((n, step) => n + step.rows.length, 0);
  let written = 0;
  for (const step of steps) {
    for (let i = 0; i < step.rows.length; i += size) {
      const rows = step.rows.slice(i, i + size);
      await tx.run(step.query, { rows });
      written += rows.length;
      options.onProgress?.(written, total);
    }
  }
  await refuseLoops(tx, steps);
  return report;
}

/**
 * The validator finds loops within a bundle; a bundle can also close one
 * through records already stored (its source under a stored parent that is
 * stored under it). Checked on the graph after writing, in the same
 * transaction, so a loop rolls the whole import back.
 */
async function refuseLoops(tx: QueryRunner, steps: Plan): Promise<void> {
  const rowsOf = (query: QueryName) => (steps.find((s) => s.query === query)?.rows ?? []) as { source?: string; id?: string }[];
  const sources = [...new Set(rowsOf('import-affiliations').map((r) => r.source))];
  const statements = rowsOf('import-statement-relays').map((r) => r.id);
  if (sources.length === 0 && statements.length === 0) return;
  const [found] = await tx.run('import-loops', { sources, statements });
  const problems: BundleProblem[] = [
    ...asStrings(found?.sources).map((id) => ({
      path: '$.affiliations',
      expected: 'affiliations without a cycle, counting those already in the graph',
      got: `source ${JSON.stringify(id)} would be affiliated with itself`,
    })),
    ...asStrings(found?.statements).map((id) => ({
      path: '$.statements',
      expected: 'relays that end, counting those already in the graph',
      got: `statement ${JSON.stringify(id)} would be relayed through itself`,
    })),
  ];
  if (problems.length > 0) {
    throw badInput(`The bundle has ${problems.length} problem(s) with the graph:\n${problems.map((p) => `  ${p.path}: expected ${p.expected}, got ${p.got}`).join('\n')}`, { problems });
  }
}

/** What {@link importBundle} would do, computed in a read transaction: nothing is written. */
export function dryRunImport(store: GraphStore, input: unknown, options: ImportOptions): Promise<ImportReport> {
  return store.transaction('READ', async (tx) => (await plan(tx, input, options)).report);
}
