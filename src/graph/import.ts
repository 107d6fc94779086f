import { createHash } from 'node:crypto';
import type { QueryRunner, Row, Value } from '../store/port';
import type { GraphStore } from '../store/port';
import type { QueryName } from '../store/queries';
import { badInput } from '../errors';
import { checkReferences, checkShapes, throwProblems, type BundleProblem } from './bundle';
import type { AffiliationRecord, Audit, Bundle, ClaimLinkRecord, ClaimRecord, DocumentRecord, EntityRecord, SourceRecord, StatementRecord } from './model';
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

/**
 * Rows per write query unless the caller says otherwise. On the embedded
 * engine 1,000, 5,000 and 10,000 rows cost the same per row (measured with
 * src/cli/bench-import.ts --chunk-size); 1,000 keeps progress fine-grained
 * and few rows alive at once.
 */
const DEFAULT_CHUNK_SIZE = 1000;

const EMPTY = (): KindCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** A stable fingerprint of a record's content (audit fields excluded). */
function fingerprint(record: object): string {
  // JSON.stringify leaves out undefined values: the same text as without the
  // key, and a spread copies faster than a rest pattern.
  const content = { ...record, recorded: undefined };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

type NodeKind = 'sources' | 'entities' | 'documents' | 'claims' | 'statements';
const NODE_KINDS: readonly NodeKind[] = ['sources', 'entities', 'documents', 'claims', 'statements'];

/** Ids a bundle refers to or defines, per kind, for one existence and fingerprint read. */
function idsOf(b: Bundle): Record<NodeKind, string[]> {
  const ids = { sources: new Set<string>(), entities: new Set<string>(), documents: new Set<string>(), claims: new Set<string>(), statements: new Set<string>() };
  // Loops, not spreads of mapped arrays: at a million statements the copies cost more than the reads.
  const add = (set: Set<string>, id: string | null) => {
    if (id !== null && id !== '') set.add(id);
  };
  for (const s of b.sources) add(ids.sources, s.id);
  for (const a of b.affiliations) {
    add(ids.sources, a.source);
    add(ids.sources, a.parent);
  }
  for (const d of b.documents) {
    add(ids.sources, d.publisher);
    add(ids.documents, d.id);
  }
  for (const e of b.entities) add(ids.entities, e.id);
  for (const c of b.claims) {
    add(ids.claims, c.id);
    for (const e of c.about) add(ids.entities, e);
  }
  for (const l of b.links) {
    add(ids.claims, l.from);
    add(ids.claims, l.to);
  }
  for (const s of b.statements) {
    add(ids.statements, s.id);
    add(ids.statements, s.reportedVia);
    add(ids.sources, s.source);
    add(ids.claims, s.claim);
    add(ids.documents, s.document);
  }
  return { sources: [...ids.sources], entities: [...ids.entities], documents: [...ids.documents], claims: [...ids.claims], statements: [...ids.statements] };
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
  existing: ReadonlyMap<string, unknown>,
  query: QueryName,
  report: ImportReport,
): Promise<Map<string, string>> {
  const candidates = records.filter((r) => !existing.has(r.id) && !('anonymous' in r && r.anonymous));
  const keysOf = (r: T) => [nameKey(r.name), ...aliasKeys(r.name, r.aliases)].filter((k) => k !== '');
  const candidateKeys = candidates.map(keysOf);
  const keys = [...new Set(candidateKeys.flat())];
  const renames = new Map<string, string>();
  if (keys.length === 0) return renames;
  const hits = new Map<string, { id: string; kind: unknown }[]>();
  for (const row of await tx.run(query, { keys })) {
    const key = String(row.key);
    const hit = { id: String(row.id), kind: row.kind };
    const list = hits.get(key);
    if (list === undefined) hits.set(key, [hit]);
    else list.push(hit);
  }
  if (hits.size === 0) return renames;
  candidates.forEach((record, i) => {
    const sameKind = (h: { kind: unknown }) => !('kind' in record) || h.kind === record.kind;
    const found = (candidateKeys[i] ?? []).flatMap((key) => (hits.get(key) ?? []).filter(sameKind).map((h) => ({ key, id: h.id })));
    const ids = [...new Set(found.map((f) => f.id))];
    if (ids.length === 1 && found[0] !== undefined) {
      renames.set(record.id, found[0].id);
      report.matched.push({ kind, bundleId: record.id, graphId: found[0].id, key: found[0].key });
    } else if (ids.length > 1) {
      report.ambiguous.push({ kind, bundleId: record.id, candidates: ids.sort() });
    }
  });
  return renames;
}

/** Rewrites every reference of the bundle through the name matches, and drops the matched records. */
function applyMatches(b: Bundle, sources: Map<string, string>, entities: Map<string, string>): Bundle {
  // `about` is a set (ABOUT relationships): sorted, its fingerprint does not depend on order.
  const claims = b.claims.map((c) => ({ ...c, about: [...new Set(c.about.map((e) => entities.get(e) ?? e))].sort() }));
  // Without a source match no reference changes: keep the records rather than copy them all.
  if (sources.size === 0) return { ...b, entities: entities.size === 0 ? b.entities : b.entities.filter((e) => !entities.has(e.id)), claims };
  const src = (id: string) => sources.get(id) ?? id;
  const srcOrNull = (id: string | null) => (id === null ? null : src(id));
  return {
    ...b,
    sources: b.sources.filter((s) => !sources.has(s.id)),
    entities: b.entities.filter((e) => !entities.has(e.id)),
    affiliations: b.affiliations.map((a) => ({ ...a, source: src(a.source), parent: src(a.parent) })),
    documents: b.documents.map((d) => ({ ...d, publisher: srcOrNull(d.publisher) })),
    claims,
    statements: b.statements.map((s) => ({ ...s, source: src(s.source) })),
  };
}

/**
 * One write query and the rows it writes, built a chunk at a time so that
 * the rows of a large import are never all alive at once.
 */
interface Step {
  query: QueryName;
  size: number;
  rows(from: number, to: number): object[];
}

/** A step over `items`, each turned into its row only when its chunk is written. */
function step<T>(query: QueryName, items: T[], toRow: (item: T) => object): Step {
  return { query, size: items.length, rows: (from, to) => items.slice(from, to).map(toRow) };
}

/** What an import writes, in order, and the ids the loop check must start from. */
interface Plan {
  steps: Step[];
  /** Stored sources that got an affiliation: a new loop must pass through one (see refuseLoops). */
  loopSources: string[];
  /** Stored statements whose relay was rewritten, likewise. */
  loopStatements: string[];
}

/** A record to write, with its fingerprint. */
interface Hashed<T> {
  record: T;
  hash: string;
}

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
  // holds: read the records once, ask the graph (for the fingerprints of the
  // same ids too), then check the references, so every problem is reported
  // in one go.
  const { bundle: shaped, problems } = checkShapes(input);
  const [fp] = await tx.run('import-fingerprints', idsOf(shaped));
  /** Per kind, the fingerprint of every referenced record the graph holds (null when it has none). */
  const stored = {} as Record<NodeKind, Map<string, string | null>>;
  for (const kind of NODE_KINDS) {
    const map = new Map<string, string | null>();
    for (const pair of (fp?.[kind] ?? []) as Value[][]) map.set(String(pair[0]), typeof pair[1] === 'string' ? pair[1] : null);
    stored[kind] = map;
  }
  checkReferences(shaped, stored, problems);
  throwProblems(problems);

  const sourceMatches = await matchByName(tx, 'source', shaped.sources, stored.sources, 'sources-by-name-keys', report);
  const entityMatches = await matchByName(tx, 'entity', shaped.entities, stored.entities, 'entities-by-name-keys', report);
  const b = applyMatches(shaped, sourceMatches, entityMatches);

  const audit = (stamped: Audit | null | undefined) => {
    const recorded = options.keepRecorded === false ? null : stamped;
    return {
      createdAt: recorded?.createdAt ?? now,
      createdBy: recorded?.createdBy ?? options.editor,
      updatedAt: recorded?.updatedAt ?? now,
      updatedBy: recorded?.updatedBy ?? options.editor,
    };
  };

  /**
   * Splits records into those new by id (written by the create-* queries)
   * and those whose fingerprint changed (rewritten by import-*), counting
   * all three outcomes.
   */
  function classify<T extends { id: string; recorded?: Audit | null }>(records: T[], kind: NodeKind): { created: Hashed<T>[]; updated: Hashed<T>[]; createdIds: Set<string> } {
    const before = stored[kind];
    const counts = report[kind];
    const created: Hashed<T>[] = [];
    const updated: Hashed<T>[] = [];
    const createdIds = new Set<string>();
    for (const record of records) {
      const hash = fingerprint(record);
      const old = before.get(record.id);
      if (old === undefined) {
        created.push({ record, hash });
        createdIds.add(record.id);
      } else if (old === hash) counts.unchanged++;
      else updated.push({ record, hash });
    }
    counts.created += created.length;
    counts.updated += updated.length;
    return { created, updated, createdIds };
  }

  // Rows carry every property, null ones too, as the rewrite queries always did.
  const sourceRow = ({ record: s, hash }: Hashed<SourceRecord>) => ({
    id: s.id, name: s.name, kind: s.kind, anonymous: s.anonymous, count: s.count, description: s.description, aliases: s.aliases,
    nameKey: nameKey(s.name), aliasKeys: aliasKeys(s.name, s.aliases), hash, ...audit(s.recorded),
  });
  const entityRow = ({ record: e, hash }: Hashed<EntityRecord>) => ({
    id: e.id, name: e.name, description: e.description, aliases: e.aliases, nameKey: nameKey(e.name), aliasKeys: aliasKeys(e.name, e.aliases), hash, ...audit(e.recorded),
  });
  const documentRow = ({ record: d, hash }: Hashed<DocumentRecord>) => ({
    id: d.id, title: d.title, publisher: d.publisher, url: d.url, publishedAt: d.publishedAt, note: d.note, hash, ...audit(d.recorded),
  });
  const claimRow = ({ record: c, hash }: Hashed<ClaimRecord>) => ({ id: c.id, text: c.text, about: c.about, hash, ...audit(c.recorded) });
  const statementRow = ({ record: s, hash }: Hashed<StatementRecord>) => ({
    id: s.id, source: s.source, claim: s.claim, stance: s.stance, quote: s.quote, paraphrase: s.paraphrase, hedge: s.hedge, document: s.document, madeAt: s.madeAt,
    hash, ...audit(s.recorded),
  });
  const relayRow = ({ record: s }: Hashed<StatementRecord>) => ({ id: s.id, via: s.reportedVia });
  const relayed = (list: Hashed<StatementRecord>[]) => list.filter((s) => s.record.reportedVia !== null);

  const sources = classify(b.sources, 'sources');
  const entities = classify(b.entities, 'entities');
  const documents = classify(b.documents, 'documents');
  const claims = classify(b.claims, 'claims');
  const statements = classify(b.statements, 'statements');

  // Relationships have no fingerprint: they are unchanged when their properties
  // are. Only those between two stored records can exist already.
  const storedPair = (created: Set<string>, from: string, to: string) => !created.has(from) && !created.has(to);
  const affiliationsToRead = b.affiliations.filter((a) => storedPair(sources.createdIds, a.source, a.parent));
  const linksToRead = b.links.filter((l) => storedPair(claims.createdIds, l.from, l.to));
  const [rel] =
    affiliationsToRead.length + linksToRead.length === 0
      ? []
      : await tx.run('import-relationship-fingerprints', {
          affiliations: affiliationsToRead.map((a) => ({ source: a.source, parent: a.parent })),
          links: linksToRead.map((l) => ({ type: l.type, from: l.from, to: l.to })),
        });
  const affiliationsBefore = new Map(((rel?.affiliations ?? []) as Row[]).map((r) => [`${r.source}\u0000${r.parent}`, r.role ?? null]));
  const affiliations: AffiliationRecord[] = [];
  for (const a of b.affiliations) {
    const key = `${a.source}\u0000${a.parent}`;
    if (!affiliationsBefore.has(key)) report.affiliations.created++;
    else if (affiliationsBefore.get(key) === a.role) {
      report.affiliations.unchanged++;
      continue;
    } else report.affiliations.updated++;
    affiliations.push(a);
  }
  const linksBefore = new Map(((rel?.links ?? []) as Row[]).map((r) => [`${r.type}\u0000${r.from}\u0000${r.to}`, `${r.linkedBy}\u0000${r.reason}`]));
  const links: Record<ClaimLinkRecord['type'], ClaimLinkRecord[]> = { CONTRADICTS: [], SUPPORTS: [] };
  for (const l of b.links) {
    const before = linksBefore.get(`${l.type}\u0000${l.from}\u0000${l.to}`);
    if (before === undefined) report.links.created++;
    else if (before === `${l.linkedBy}\u0000${l.reason}`) {
      report.links.unchanged++;
      continue;
    } else report.links.updated++;
    links[l.type].push(l);
  }
  const affiliationRow = (a: AffiliationRecord) => {
    const { createdAt, createdBy } = audit(a.recorded);
    return { source: a.source, parent: a.parent, role: a.role, createdAt, createdBy };
  };
  const linkRow = (l: ClaimLinkRecord) => {
    const { createdAt, createdBy } = audit(l.recorded);
    return { from: l.from, to: l.to, linkedBy: l.linkedBy, reason: l.reason, createdAt, createdBy };
  };

  const relaysRewritten = relayed(statements.updated);
  return {
    report,
    plan: {
      steps: [
        step('create-sources', sources.created, sourceRow),
        step('import-sources', sources.updated, sourceRow),
        step('create-entities', entities.created, entityRow),
        step('import-entities', entities.updated, entityRow),
        step('create-documents', documents.created, documentRow),
        step('import-documents', documents.updated, documentRow),
        step('create-claims', claims.created, claimRow),
        step('import-claims', claims.updated, claimRow),
        step('import-affiliations', affiliations, affiliationRow),
        step('create-statements', statements.created, statementRow),
        step('import-statements', statements.updated, statementRow),
        step('create-statement-relays', relayed(statements.created), relayRow),
        step('import-statement-relays', relaysRewritten, relayRow),
        step('import-contradictions', links.CONTRADICTS, linkRow),
        step('import-supports', links.SUPPORTS, linkRow),
      ],
      loopSources: [...new Set(affiliations.filter((a) => !sources.createdIds.has(a.source)).map((a) => a.source))],
      loopStatements: relaysRewritten.map((s) => s.record.id),
    },
  };
}

/**
 * Imports a bundle (parsed JSON, not yet trusted) in one write transaction:
 * all of it or none of it. It is validated against the graph (references may
 * name records already stored); sources and entities new by id are matched to
 * stored ones by name (names.ts); then only records that are new or changed
 * are written, so a second import of the same bundle writes nothing, and an
 * edited record is rewritten with its references moved, not doubled. Records
 * new by id are created outright (create-*.cypher: no MERGE, nothing to
 * move), which is most of the work of a first import.
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
  const { plan: planned, report } = await plan(tx, input, options);
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const total = planned.steps.reduce((n, s) => n + s.size, 0);
  let written = 0;
  for (const s of planned.steps) {
    for (let i = 0; i < s.size; i += size) {
      const rows = s.rows(i, i + size);
      await tx.run(s.query, { rows });
      written += rows.length;
      options.onProgress?.(written, total);
    }
  }
  await refuseLoops(tx, planned);
  return report;
}

/**
 * The validator finds loops within a bundle; a bundle can also close one
 * through records already stored (its source under a stored parent that is
 * stored under it). Checked on the graph after writing, in the same
 * transaction, so a loop rolls the whole import back.
 *
 * Only walks from stored records are needed: nothing stored points at a
 * record the import created, so a new loop through a created record enters
 * it from the bundle, and walking back along the loop either stays in the
 * bundle (a loop the validator refused) or reaches a stored record whose
 * edge the import wrote.
 */
async function refuseLoops(tx: QueryRunner, planned: Plan): Promise<void> {
  const { loopSources: sources, loopStatements: statements } = planned;
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
