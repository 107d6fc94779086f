import { createHash } from 'node:crypto';
import type { QueryRunner, Row, Value } from '../store/port';
import type { GraphStore } from '../store/port';
import type { QueryName } from '../store/queries';
import { badInput, ClaimgraphError } from '../errors';
import { checkReferences, OTHER_SOURCE_HINT, recordPath, throwProblems, type BundleProblem, type KnownIds } from './bundle';
import { checkShapesOfSet, type BundleFile } from './bundle-set';
import { pair, similarClaims, type PossibleDuplicate } from './duplicates';
import type {
  AffiliationRecord,
  AssessmentRecord,
  ChangeRecord,
  Audit,
  Bundle,
  ClaimLinkRecord,
  ClaimRecord,
  DocumentRecord,
  QuestionRecord,
  RatingRecord,
  StatementRecord,
} from './model';
import { aliasKeys, nameKey, nameSearchWords, searchWords, withSearchText } from './names';
import { allPrintingsRetracted, computePositions, effectiveDate, speaksForParent, storedDate, type EffectiveDate, type Position, type PositionInput } from './positions';
import { IMPORT_LOCK, takeLocks } from './locks';
import { refreshIndependence, type IndependenceTouched } from './independence';
import { refreshPositions, spokespeopleOf as storedSpokespeople } from './refresh';
import { storedRetractionProblems } from './retractions';
import { genericKeys, groupNames, matchKeys, skeletonKeys, storedIdsOf, type NameGroup, type NameRecord, type StoredName } from './resolve';

/** What an import did (or, in a dry run, would do) with one kind of record. */
export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A bundle record recognised as a record the graph holds, or another record of the bundle, under another id. */
export interface NameMatch {
  kind: 'source' | 'entity';
  bundleId: string;
  /** The id the record is stored under from now on. */
  graphId: string;
  /** The name key that matched (names.ts), or "id" when the record joined others through its id. */
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
  questions: KindCounts;
  ratings: KindCounts;
  assessments: KindCounts;
  /** Entries of the change log: history, as ratings (created when new, never rewritten). */
  changes: KindCounts;
  /** Records recognised as one record (by name, or by an id that was merged before). */
  matched: NameMatch[];
  /** Pairs of records that may be one, for an editor to confirm or reject; never merged alone. */
  possibleDuplicates: PossibleDuplicate[];
  /** What reading the bundle changed that its author should know (a version 1 bundle's upgrade). */
  notes: string[];
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
   * migration keeps its history. False stamps `editor` on everything, and as
   * each link's `linkedBy`, as the API does, where a client must not write
   * someone else's name.
   */
  keepRecorded?: boolean;
  /**
   * An edit, not a report: each source or entity given replaces the stored
   * record of its id whole (an alias or description it leaves out goes),
   * instead of joining it as a second report of the same record would.
   */
  replaceStored?: boolean;
  /** Called after each chunk with the rows written so far and the rows to write. */
  onProgress?: (written: number, total: number) => void;
  /**
   * Refuse (CONFLICT) instead of joining a new source or entity to a stored
   * one by name: an editor creating a record means a new one, and the group
   * rule (smallest id survives) must not rename a record they did not name.
   */
  refuseNameMatches?: boolean;
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
  // JSON.stringify leaves out undefined values: the same text as without the key.
  const content = { ...record, recorded: undefined };
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

type NodeKind = 'sources' | 'entities' | 'documents' | 'claims' | 'statements' | 'questions';
const NODE_KINDS: readonly NodeKind[] = ['sources', 'entities', 'documents', 'claims', 'statements', 'questions'];
/** The graph label of each kind whose ids can be redirects. */
const LABELS = { sources: 'Source', entities: 'Entity', documents: 'Document', claims: 'Claim', statements: 'Statement' } as const;
type RedirectKind = keyof typeof LABELS;

/** Ids a bundle refers to or defines, per kind. */
function idsOf(b: Bundle): Record<NodeKind, Set<string>> {
  const ids = { sources: new Set<string>(), entities: new Set<string>(), documents: new Set<string>(), claims: new Set<string>(), statements: new Set<string>(), questions: new Set<string>() };
  // Loops, not spreads of mapped arrays: at a million statements the copies cost more than the reads.
  const add = (set: Set<string>, id: string | null) => {
    if (id !== null && id !== '') set.add(id);
  };
  for (const s of b.sources) {
    add(ids.sources, s.id);
    add(ids.entities, s.entity ?? null);
  }
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
    add(ids.statements, s.derivedFrom);
    for (const x of s.supersedes) add(ids.statements, x);
    add(ids.sources, s.source);
    add(ids.claims, s.claim);
    for (const ap of s.appearances) {
      add(ids.documents, ap.document);
      for (const step of ap.via) {
        add(ids.sources, step.source);
        add(ids.documents, step.document);
      }
      add(ids.sources, ap.retracted?.by ?? null);
      add(ids.documents, ap.retracted?.document ?? null);
    }
  }
  for (const q of b.questions) {
    add(ids.questions, q.id);
    for (const h of q.hypotheses) add(ids.claims, h);
    for (const c of q.cells) add(c.evidence.kind === 'STATEMENT' ? ids.statements : ids.claims, c.evidence.id);
  }
  for (const r of b.ratings) add(ids.sources, r.source);
  for (const a of b.assessments) add(ids.claims, a.claim);
  return ids;
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);

/**
 * Rewrites every reference of the bundle through `rename` (per kind: old id
 * → id the record is stored under), including the records' own ids.
 */
function renameAll(b: Bundle, rename: Record<RedirectKind, ReadonlyMap<string, string>>): Bundle {
  const by = (kind: RedirectKind) => {
    const map = rename[kind];
    return map.size === 0 ? (id: string) => id : (id: string) => map.get(id) ?? id;
  };
  const src = by('sources');
  const ent = by('entities');
  const doc = by('documents');
  const clm = by('claims');
  const stm = by('statements');
  const orNull = (f: (id: string) => string) => (id: string | null) => (id === null ? null : f(id));
  return {
    ...b,
    sources: b.sources.map((s) => ({ ...s, id: src(s.id), entity: orNull(ent)(s.entity ?? null) })),
    entities: b.entities.map((e) => ({ ...e, id: ent(e.id) })),
    affiliations: b.affiliations.map((a) => ({ ...a, source: src(a.source), parent: src(a.parent) })),
    documents: b.documents.map((d) => ({ ...d, id: doc(d.id), publisher: orNull(src)(d.publisher) })),
    // `about` is a set (ABOUT relationships): sorted, its fingerprint does not depend on order.
    claims: b.claims.map((c) => ({ ...c, id: clm(c.id), about: [...new Set(c.about.map(ent))].sort() })),
    statements: b.statements.map((s) => ({
      ...s,
      id: stm(s.id),
      source: src(s.source),
      claim: clm(s.claim),
      derivedFrom: orNull(stm)(s.derivedFrom),
      // `supersedes` and the appearances (one per document) are sets: in id order, the fingerprint
      // of a statement does not depend on the order a bundle lists them in (export writes them sorted).
      supersedes: [...new Set(s.supersedes.map(stm))].sort(),
      appearances: s.appearances.map((ap) => ({
        ...ap, document: doc(ap.document), via: ap.via.map((v) => ({ source: src(v.source), document: orNull(doc)(v.document) })),
        ...(ap.retracted === undefined ? {} : { retracted: { ...ap.retracted, by: src(ap.retracted.by), document: orNull(doc)(ap.retracted.document) } }),
      })).sort((x, y) => (x.document < y.document ? -1 : x.document > y.document ? 1 : 0)),
    })),
    links: b.links.map((l) => ({ ...l, from: clm(l.from), to: clm(l.to) })),
    questions: b.questions.map((q) => ({
      ...q,
      hypotheses: q.hypotheses.map(clm),
      cells: q.cells.map((c) => ({ ...c, hypothesis: clm(c.hypothesis), evidence: { kind: c.evidence.kind, id: c.evidence.kind === 'STATEMENT' ? stm(c.evidence.id) : clm(c.evidence.id) } })),
    })),
    ratings: b.ratings.map((r) => ({ ...r, source: src(r.source) })),
    assessments: b.assessments.map((a) => ({ ...a, claim: clm(a.claim) })),
    // The change log names what is gone: its ids are kept as written.
    changes: b.changes,
  };
}

/** Keeps the first record of each id: after renaming, records that are one record (a name group, a redirect) are written once. */
function firstOfEachId<T extends { id: string }>(records: T[]): T[] {
  const seen = new Set<string>();
  return records.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
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
  return { query, size: items.length, rows: (from, to) => items.slice(from, to).map((item) => withoutNulls(toRow(item))) };
}

/**
 * The row without its null fields: in Cypher a missing key of a map reads as
 * null, so the queries write the same, and every key left out is one value
 * less to carry into the engine (most statements have no hedge, no own date,
 * a quote or a paraphrase but not both).
 */
function withoutNulls(row: object): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (value !== null && value !== undefined) out[key] = value;
  return out;
}

/** Steps that run one query per item, in order, before the chunked steps (renames and merges of stored records). */
interface Single {
  query: QueryName;
  params: Record<string, unknown>;
}

/** What an import writes, in order, and what the checks after writing start from. */
interface Plan {
  /** Renames and merges of stored records, run first. */
  singles: Single[];
  steps: Step[];
  /** Sources whose affiliations may now loop: a new loop must pass through one (see refuseLoops). */
  loopSources: string[];
  /** Statements whose derivations or revisions were written, likewise. */
  loopStatements: string[];
  /** Where a statement of the bundle stands as the user wrote it (path and file), for problems found on the graph. */
  statementAt: (id: string, suffix: string) => { path: string; file?: string };
  /** Claims and documents whose statements' positions must be computed again. */
  touchedClaims: Set<string>;
  touchedDocuments: Set<string>;
  /**
   * Claims whose standing (src/graph/standing.ts) must be written even when
   * no stored position changes: the claims written, those of the statements
   * written (the bundle's own positions are computed before the writes), and
   * those assessed.
   */
  standingClaims: Set<string>;
  /** Stored sources merged or given a new parent: their (and their members') statements' positions may change. */
  regrouped: string[];
  /**
   * Stored sources and entities whose names, aliases or entity links changed: who is a party to a
   * claim may change with them, and with it the claim's status (docs/ANALYSIS.md, "Interested
   * parties"), so the standings of the claims they (or sources under them) spoke on, or that are
   * about them, are written again.
   */
  parties: { sources: string[]; entities: string[] };
  /** What the independence keys (src/graph/independence.ts) are written again from. */
  independence: IndependenceTouched;
}

/** A record to write, with its fingerprint. */
interface Hashed<T> {
  record: T;
  hash: string;
}

/** The files of an import: one bundle (parsed JSON, not yet trusted), or a set of them. */
export type ImportInput = unknown;

const filesOf = (input: ImportInput, files?: readonly BundleFile[]): BundleFile[] => (files !== undefined ? [...files] : [{ name: '', json: input }]);

/**
 * Validates a bundle (or a set) against the graph and works out what
 * importing it would change, reading only. Shared by the import and by its
 * dry run (`validate`).
 */
async function plan(tx: QueryRunner, files: BundleFile[], options: ImportOptions): Promise<{ plan: Plan; report: ImportReport }> {
  const now = options.now ?? new Date().toISOString();
  const report: ImportReport = {
    sources: EMPTY(), entities: EMPTY(), documents: EMPTY(), claims: EMPTY(), statements: EMPTY(), affiliations: EMPTY(), links: EMPTY(),
    questions: EMPTY(), ratings: EMPTY(), assessments: EMPTY(), changes: EMPTY(),
    matched: [], possibleDuplicates: [], notes: [],
  };

  // References can only be checked once we know which ids the graph already
  // holds (by id or through a redirect): read the records once, ask the
  // graph, then check the references, so every problem is reported in one go.
  const { bundle: shaped, problems, notes } = checkShapesOfSet(files);
  report.notes.push(...notes);
  const referenced = idsOf(shaped);
  // A version 1 relay may name a stored statement: the upgrade cuts the chain there (nothing of the
  // set refers to it any more), but the version 1 check of the reference must see the graph hold it.
  for (const id of v1RelayIds(files)) referenced.statements.add(id);
  const redirects = await readRedirects(tx, referenced);
  const resolve = (kind: RedirectKind, id: string) => redirects[kind].get(id) ?? id;
  const lookup = {} as Record<NodeKind, string[]>;
  for (const kind of NODE_KINDS) lookup[kind] = [...referenced[kind]].map((id) => (kind === 'questions' ? id : resolve(kind, id)));
  const [fp] = await tx.run('import-fingerprints', lookup);
  /** Per kind, the fingerprint of every referenced record the graph holds (null when it has none). */
  const stored = {} as Record<NodeKind, Map<string, string | null>>;
  const statementClaims = new Map<string, string>();
  const storedPublished = new Map<string, string | null>();
  for (const kind of NODE_KINDS) {
    const map = new Map<string, string | null>();
    for (const entry of (fp?.[kind] ?? []) as Value[][]) {
      map.set(String(entry[0]), typeof entry[1] === 'string' ? entry[1] : null);
      if (kind === 'statements') statementClaims.set(String(entry[0]), String(entry[2]));
      if (kind === 'documents') storedPublished.set(String(entry[0]), typeof entry[2] === 'string' ? entry[2] : null);
    }
    stored[kind] = map;
  }
  const known: KnownIds = {};
  for (const kind of NODE_KINDS) {
    const inGraph = stored[kind];
    const through = kind === 'questions' ? undefined : redirects[kind];
    known[kind] = { has: (id: string) => inGraph.has(id) || (through?.has(id) ?? false) };
  }
  checkReferences(shaped, known, problems);
  if (problems.length === 0) problems.push(...(await storedRetractionProblems(tx, shaped, (kind, id) => resolve(kind, id))));
  throwProblems(problems);

  // Records that are one by name (or by an id merged before) become one group each.
  const rename: Record<RedirectKind, Map<string, string>> = {
    sources: new Map(redirects.sources), entities: new Map(redirects.entities), documents: new Map(redirects.documents),
    claims: new Map(redirects.claims), statements: new Map(redirects.statements),
  };
  const replacing = options.replaceStored === true;
  const sourceGroups = await resolveNames(tx, 'source', shaped, stored.sources, redirects.sources, report, replacing);
  const entityGroups = await resolveNames(tx, 'entity', shaped, stored.entities, redirects.entities, report, replacing);
  if (options.refuseNameMatches === true) refuseNameMatches([...sourceGroups, ...entityGroups]);
  for (const g of sourceGroups) for (const r of g.incoming) rename.sources.set(r.id, g.record.id);
  const newSources = new Set(sourceGroups.filter((g) => g.create).map((g) => g.record.id));
  // Sources whose stored records are renamed or merged in this import: their ancestry is read only after the writes.
  const regroupedSources = new Set(sourceGroups.filter((g) => g.renameFrom !== null || g.mergeIn.length > 0).map((g) => g.record.id));
  for (const g of entityGroups) for (const r of g.incoming) rename.entities.set(r.id, g.record.id);
  // A document, claim or statement whose id was merged into another is that record: the
  // bundle's copy is not written over the record it was merged into (only its references count).
  const skip = (kind: 'documents' | 'claims' | 'statements') => <T extends { id: string }>(list: T[]) => {
    const kept = list.filter((r) => !redirects[kind].has(r.id));
    report[kind].unchanged += list.length - kept.length;
    return kept;
  };
  const b = renameAll(
    { ...shaped, documents: skip('documents')(shaped.documents), claims: skip('claims')(shaped.claims), statements: skip('statements')(shaped.statements) },
    rename,
  );

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
  function classify<T extends { id: string; recorded?: Audit | null }>(records: T[], kind: NodeKind, hashOf: (r: T) => string = fingerprint): { created: Hashed<T>[]; updated: Hashed<T>[]; createdIds: Set<string> } {
    const before = stored[kind];
    const counts = report[kind];
    const created: Hashed<T>[] = [];
    const updated: Hashed<T>[] = [];
    const createdIds = new Set<string>();
    for (const record of firstOfEachId(records)) {
      const hash = hashOf(record);
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

  // Sources and entities: one row per group, with the group's record.
  // The stamps of the group's own record, else of the first of its incoming records, in bundle order
  // (by index, not by a search of the whole list per group: that grew with the square of the sources).
  const firstIndex = <T extends { id: string }>(records: T[]) => {
    const at = new Map<string, number>();
    records.forEach((r, i) => {
      if (!at.has(r.id)) at.set(r.id, i);
    });
    return at;
  };
  const sourceAt = firstIndex(shaped.sources);
  const entityAt = firstIndex(shaped.entities);
  const recordedOf = <T extends { id: string; recorded?: Audit | null }>(g: NameGroup, records: T[], at: ReadonlyMap<string, number>) => {
    const own = at.get(g.record.id);
    if (own !== undefined) return records[own]?.recorded;
    let first: number | undefined;
    for (const r of g.incoming) {
      const i = at.get(r.id);
      if (i !== undefined && (first === undefined || i < first)) first = i;
    }
    return first === undefined ? undefined : records[first]?.recorded;
  };
  const sourceRow = (g: NameGroup) => ({
    id: g.record.id, name: g.record.name, kind: g.record.kind, anonymous: g.record.anonymous, count: g.record.count,
    description: g.record.description, descriptionFrom: g.record.descriptionFrom, aliases: g.record.aliases,
    nameKey: nameKey(g.record.name), aliasKeys: aliasKeys(g.record.name, g.record.aliases), skeletonKeys: skeletonKeys(g.record),
    ...withSearchText(nameSearchWords([g.record.name, ...g.record.aliases])), hash: g.record.hash, ...audit(recordedOf(g, shaped.sources, sourceAt)),
  });
  const entityRow = (g: NameGroup) => ({
    id: g.record.id, name: g.record.name, description: g.record.description, descriptionFrom: g.record.descriptionFrom, aliases: g.record.aliases,
    nameKey: nameKey(g.record.name), aliasKeys: aliasKeys(g.record.name, g.record.aliases), skeletonKeys: skeletonKeys(g.record),
    ...withSearchText(nameSearchWords([g.record.name, ...g.record.aliases])), hash: g.record.hash, ...audit(recordedOf(g, shaped.entities, entityAt)),
  });
  const countGroups = (groups: NameGroup[], counts: KindCounts) => {
    for (const g of groups) {
      if (g.create) counts.created++;
      else if (g.changed) counts.updated++;
      else counts.unchanged++;
    }
  };
  countGroups(sourceGroups, report.sources);
  countGroups(entityGroups, report.entities);

  const documentRow = ({ record: d, hash }: Hashed<DocumentRecord>) => ({
    id: d.id, title: d.title, publisher: d.publisher, url: d.url, publishedAt: d.publishedAt, note: d.note, text: d.text,
    ...withSearchText(searchWords([d.title])), hash, ...audit(d.recorded),
  });
  const claimRow = ({ record: c, hash }: Hashed<ClaimRecord>) => ({ id: c.id, text: c.text, about: c.about, ...withSearchText(searchWords([c.text])), hash, ...audit(c.recorded) });
  const statementRow = ({ record: s, hash }: Hashed<StatementRecord>) => {
    const position = local.positions.get(s.id);
    return {
      id: s.id, source: s.source, claim: s.claim, stance: s.stance, hedged: s.hedged, hedge: s.hedge, date: s.date, madeAt: s.madeAt,
      quote: s.quote, paraphrase: s.paraphrase,
      // Worked out here when the bundle holds everything it depends on; otherwise after the writes (refreshPositions).
      current: position?.current ?? true,
      ...storedDate(local.dates.get(s.id) ?? null),
      ...withSearchText(searchWords([s.quote, s.paraphrase, s.hedge, ...s.appearances.flatMap((ap) => [ap.quote, ap.paraphrase])])),
      hash, ...audit(s.recorded),
    };
  };
  const appearanceRows = (list: Hashed<StatementRecord>[]) =>
    list.flatMap(({ record: s }) =>
      s.appearances.map((ap) => ({
        statement: s.id, document: ap.document, quote: ap.quote, paraphrase: ap.paraphrase,
        // Engines store no null inside a list: '' marks a step whose own document is not known.
        via: ap.via.map((v) => v.source), viaDocuments: ap.via.map((v) => v.document ?? ''),
        exact: ap.selector?.exact ?? null, prefix: ap.selector?.prefix ?? null, suffix: ap.selector?.suffix ?? null,
        retractedBy: ap.retracted?.by ?? null, retractedAt: ap.retracted?.date ?? null, retractedIn: ap.retracted?.document ?? null, retractionReason: ap.retracted?.reason ?? null,
      })),
    );
  const linkRow = ({ record: s }: Hashed<StatementRecord>) => ({ id: s.id, derivedFrom: s.derivedFrom, supersedes: s.supersedes });
  const linked = (list: Hashed<StatementRecord>[]) => list.filter((s) => s.record.derivedFrom !== null || s.record.supersedes.length > 0);

  const documents = classify(b.documents, 'documents');
  const claims = classify(b.claims, 'claims');
  const statements = classify(b.statements, 'statements');

  // Dates of every statement written, and positions where the bundle holds
  // all they depend on: the claims this import creates whose links reach no
  // claim the graph held (a stored claim can hold stored statements).
  const published = new Map(storedPublished);
  for (const d of b.documents) published.set(d.id, d.publishedAt);
  const local = await localPositions(tx, b, claims.createdIds, published, newSources, regroupedSources);
  const questions = classify(b.questions, 'questions');

  // Relationships have no fingerprint: they are unchanged when their properties
  // are. Only those between two stored records can exist already.
  const storedPair = (created: Set<string>, from: string, to: string) => !created.has(from) && !created.has(to);
  const affiliationsToRead = b.affiliations.filter((a) => storedPair(newSources, a.source, a.parent));
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
    // Two records merged by name may have named one another as parent: no source is its own parent.
    if (a.source === a.parent) continue;
    const key = `${a.source}\u0000${a.parent}`;
    if (!affiliationsBefore.has(key)) report.affiliations.created++;
    else if (affiliationsBefore.get(key) === a.role) {
      report.affiliations.unchanged++;
      continue;
    } else report.affiliations.updated++;
    affiliations.push(a);
  }
  const linksBefore = new Map(((rel?.links ?? []) as Row[]).map((r) => [`${r.type}\u0000${r.from}\u0000${r.to}`, `${r.linkedBy}\u0000${r.reason}`]));
  const links: Record<ClaimLinkRecord['type'], ClaimLinkRecord[]> = { CONTRADICTS: [], SUPPORTS: [], IMPLIES: [] };
  // Over the API a link records who drew it, as linkClaims does: the bundle cannot name someone else.
  const linksAsWritten = options.keepRecorded === false ? b.links.map((l) => ({ ...l, linkedBy: options.editor })) : b.links;
  for (const l of linksAsWritten) {
    // Two claims merged since (by an editor, mergeClaims) that the bundle links: no claim is linked
    // to itself, as the merge dropped their link (affiliations likewise, above).
    if (l.from === l.to) {
      report.links.unchanged++;
      continue;
    }
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
  const linkRecordRow = (l: ClaimLinkRecord) => {
    const { createdAt, createdBy } = audit(l.recorded);
    return { from: l.from, to: l.to, linkedBy: l.linkedBy, reason: l.reason, createdAt, createdBy };
  };
  const questionRow = ({ record: q, hash }: Hashed<QuestionRecord>) => ({
    id: q.id, text: q.text, hypotheses: q.hypotheses,
    cells: q.cells.map((c) => ({
      hypothesis: c.hypothesis, statement: c.evidence.kind === 'STATEMENT' ? c.evidence.id : null, claim: c.evidence.kind === 'CLAIM' ? c.evidence.id : null,
      cell: c.cell, reason: c.reason, by: c.by, at: c.at,
    })),
    hash, ...audit(q.recorded),
  });

  // Judgements are history: those stored already are left as they are.
  const ratingIds = b.ratings.map((r) => r.id);
  const assessmentIds = b.assessments.map((a) => a.id);
  const changeIds = b.changes.map((c) => c.id);
  const [judged] =
    ratingIds.length + assessmentIds.length + changeIds.length === 0 ? [] : await tx.run('judgement-ids', { ratings: ratingIds, assessments: assessmentIds, changes: changeIds });
  const storedRatings = new Set(asStrings(judged?.ratings));
  const storedAssessments = new Set(asStrings(judged?.assessments));
  const storedChanges = new Set(asStrings(judged?.changes));
  const byTime = <T extends { at: string; id: string }>(list: T[]) => [...list].sort((x, y) => (x.at !== y.at ? (x.at < y.at ? -1 : 1) : x.id < y.id ? -1 : 1));
  const ratings = byTime(firstOfEachId(b.ratings).filter((r) => !storedRatings.has(r.id)));
  const assessments = byTime(firstOfEachId(b.assessments).filter((a) => !storedAssessments.has(a.id)));
  report.ratings.created = ratings.length;
  report.ratings.unchanged = new Set(ratingIds).size - ratings.length;
  report.assessments.created = assessments.length;
  report.assessments.unchanged = new Set(assessmentIds).size - assessments.length;
  const changes = byTime(firstOfEachId(b.changes).filter((c) => !storedChanges.has(c.id)));
  report.changes.created = changes.length;
  report.changes.unchanged = new Set(changeIds).size - changes.length;
  const changeRow = (c: ChangeRecord) => ({ id: c.id, at: c.at, by: c.by, action: c.action, kind: c.kind, target: c.target, details: JSON.stringify(c.details) });
  const ratingRow = (r: RatingRecord) => ({ id: r.id, source: r.source, grade: r.grade, reason: r.reason, by: r.by, at: r.at });
  const assessmentRow = (a: AssessmentRecord) => ({ id: a.id, claim: a.claim, verdict: a.verdict, rating: a.rating, explanation: a.explanation, url: a.url, by: a.by, at: a.at });

  // Claims worded like others, for an editor to confirm or reject (not those the bundle links: its author knew both).
  const linkedPairs = new Set(b.links.map((l) => (l.from < l.to ? `${l.from}\u0000${l.to}` : `${l.to}\u0000${l.from}`)));
  report.possibleDuplicates.push(...(await similarClaimPairs(tx, claims.created.map((c) => c.record), linkedPairs, entityGroups)));
  const newPairs = await undecidedPairs(tx, report, [
    ['Source', sourceGroups],
    ['Entity', entityGroups],
  ]);

  // Renames and merges of stored records come first: the rows after them name the groups' ids.
  const singles: Single[] = [];
  const redirectRows: { label: string; id: string; target: string }[] = [];
  for (const [groups, label] of [[sourceGroups, 'Source'], [entityGroups, 'Entity']] as const) {
    for (const g of groups) {
      if (g.renameFrom !== null) singles.push({ query: label === 'Source' ? 'rename-source' : 'rename-entity', params: { from: g.renameFrom, to: g.record.id } });
      for (const m of g.mergeIn) singles.push({ query: label === 'Source' ? 'merge-source-into' : 'merge-entity-into', params: { keep: g.record.id, absorbed: m } });
      for (const id of g.redirects) redirectRows.push({ label, id, target: g.record.id });
    }
  }
  // A statement's own redirects: the ids of version-1 copies folded into it.
  for (const s of firstOfEachId(b.statements)) for (const former of s.formerIds) redirectRows.push({ label: 'Statement', id: former, target: s.id });
  for (const [list, label] of [[b.sources, 'Source'], [b.entities, 'Entity'], [b.documents, 'Document'], [b.claims, 'Claim']] as const) {
    for (const r of list) for (const former of r.formerIds) if (former !== r.id) redirectRows.push({ label, id: former, target: r.id });
  }

  const sourceUpdates = sourceGroups.filter((g) => g.changed && !g.create);
  const entityUpdates = entityGroups.filter((g) => g.changed && !g.create);
  const writtenStatements = [...statements.created, ...statements.updated];
  const touchedClaims = new Set<string>();
  const claimOf = new Map(b.statements.map((s) => [s.id, s.claim]));
  for (const s of writtenStatements) {
    if (!local.claims.has(s.record.claim)) touchedClaims.add(s.record.claim);
    const old = statementClaims.get(s.record.id);
    if (old !== undefined) touchedClaims.add(old);
    // An explicit revision of a statement on another claim changes that claim's positions.
    for (const target of s.record.supersedes) {
      const targetClaim = claimOf.get(target) ?? statementClaims.get(target);
      if (targetClaim !== undefined) touchedClaims.add(targetClaim);
    }
  }
  for (const l of [...links.CONTRADICTS, ...links.IMPLIES]) {
    if (!local.claims.has(l.from)) touchedClaims.add(l.from);
    if (!local.claims.has(l.to)) touchedClaims.add(l.to);
  }
  // Sources whose statements may now be superseded by others': merged ones, members under a new parent,
  // and sources made anonymous or named (only named members of one organisation revise each other).
  const mergedSources = sourceGroups.flatMap((g) => (g.mergeIn.length > 0 ? [g.record.id] : []));
  const regrouped = [...new Set([
    ...mergedSources, ...affiliations.filter((a) => !newSources.has(a.source)).map((a) => a.source),
    ...sourceGroups.filter((g) => g.anonymityChanged).map((g) => g.record.id),
  ])];

  return {
    report,
    plan: {
      singles,
      steps: [
        step('create-sources', sourceGroups.filter((g) => g.create), sourceRow),
        step('import-sources', sourceUpdates, sourceRow),
        step('create-entities', entityGroups.filter((g) => g.create), entityRow),
        step('import-entities', entityUpdates, entityRow),
        step('create-documents', documents.created, documentRow),
        step('import-documents', documents.updated, documentRow),
        step('create-claims', claims.created, claimRow),
        step('import-claims', claims.updated, claimRow),
        step('import-affiliations', affiliations, affiliationRow),
        // Once the entities exist: the entity each source is, where the bundle says (docs/MODEL.md, "Interested parties").
        step('import-source-entities', b.sources.filter((s) => typeof s.entity === 'string'), (s) => ({ source: s.id, entity: s.entity })),
        step('create-statements', statements.created, statementRow),
        step('import-statements', statements.updated, statementRow),
        step('create-appearances', appearanceRows(writtenStatements), (r) => r),
        step('create-statement-links', linked(writtenStatements), linkRow),
        // What the bundle supersedes among its own new statements, once all of them exist.
        step('write-positions', local.superseded, (r) => r),
        step('import-contradictions', links.CONTRADICTS, linkRecordRow),
        step('import-supports', links.SUPPORTS, linkRecordRow),
        step('import-implications', links.IMPLIES, linkRecordRow),
        step('import-questions', [...questions.created, ...questions.updated], questionRow),
        step('import-ratings', ratings, ratingRow),
        step('import-assessments', assessments, assessmentRow),
        step('import-changes', changes, changeRow),
        step('create-redirects', redirectRows, (r) => r),
        step('write-possible-duplicates', newPairs, (p) => ({ ...p, at: now })),
      ],
      loopSources: [...new Set([...affiliations.filter((a) => !newSources.has(a.source)).map((a) => a.source), ...mergedSources])],
      loopStatements: linked(writtenStatements).map((s) => s.record.id),
      statementAt: (id, suffix) => {
        const i = shaped.statements.findIndex((st) => st.id === id);
        return i < 0 ? { path: '$.statements' } : recordPath(shaped, 'statements', i, suffix);
      },
      touchedClaims,
      touchedDocuments: new Set(documents.updated.map((d) => d.record.id)),
      standingClaims: new Set([
        ...claims.created.map((c) => c.record.id),
        ...claims.updated.map((c) => c.record.id),
        ...writtenStatements.map((st) => st.record.claim),
        ...assessments.map((a) => a.claim),
        // A claim's parties include those of the claims it supports (docs/ANALYSIS.md, "Interested parties").
        ...links.SUPPORTS.map((l) => l.from),
      ]),
      regrouped,
      parties: {
        // Changed sources, and stored ones the bundle links to an entity (the link is not in their fingerprint).
        sources: [...new Set([
          ...sourceUpdates.map((g) => g.record.id),
          ...b.sources.filter((s) => typeof s.entity === 'string' && !newSources.has(s.id)).map((s) => s.id),
        ])],
        entities: entityUpdates.map((g) => g.record.id),
      },
      independence: {
        ...independenceTouched(sourceGroups, affiliations, writtenStatements),
        // The spellings newly listed as possibly one source join (or widen) a group of alike names.
        alike: newPairs.filter((p) => p.label === 'Source' && p.reason === 'SIMILAR_NAME').flatMap((p) => [p.a, p.b]),
      },
    },
  };
}

/**
 * What an import changes of the independence keys (src/graph/independence.ts):
 * sources created, renamed, merged into, or given a parent (their members
 * below follow); statements written (those derived from them follow); and
 * the statements of renamed and merged sources, whose maker changed.
 */
function independenceTouched(
  sourceGroups: readonly { create: boolean; renameFrom: string | null; mergeIn: readonly string[]; record: { id: string } }[],
  affiliations: readonly AffiliationRecord[],
  writtenStatements: readonly Hashed<StatementRecord>[],
): IndependenceTouched {
  const remade = sourceGroups.filter((g) => g.renameFrom !== null || g.mergeIn.length > 0).map((g) => g.record.id);
  return {
    sources: [...sourceGroups.filter((g) => g.create).map((g) => g.record.id), ...remade, ...affiliations.map((a) => a.source)],
    statements: writtenStatements.map((s) => s.record.id),
    makers: remade,
  };
}

/** Positions and dates an import works out from the bundle itself (see {@link localPositions}). */
interface LocalPositions {
  /** Claims whose statements' positions are all worked out here. */
  claims: Set<string>;
  positions: Map<string, Position>;
  /** The effective date of every statement of the bundle. */
  dates: Map<string, EffectiveDate | null>;
  /** Rows for write-positions: the superseded statements among them. */
  superseded: object[];
}

/**
 * The positions of the statements on the claims an import creates, when the
 * bundle holds everything they depend on, so that a first import need not
 * read them back: a created claim qualifies when no CONTRADICTS or IMPLIES
 * link of the bundle leads from it, directly or through other created
 * claims, to a claim the graph held (only a stored claim can hold stored
 * statements). Ancestors of stored sources are read from the graph. Every
 * other claim touched is computed after the writes (refreshPositions). The
 * dates of all the bundle's statements are worked out too.
 */
async function localPositions(
  tx: QueryRunner,
  b: Bundle,
  createdClaims: ReadonlySet<string>,
  published: ReadonlyMap<string, string | null>,
  newSources: ReadonlySet<string>,
  regroupedSources: ReadonlySet<string>,
): Promise<LocalPositions> {
  const dates = new Map(b.statements.map((s) => [s.id, effectiveDate(s.date, s.appearances.map((ap) => published.get(ap.document) ?? null))]));
  // Created claims linked to a stored claim, and everything linked to those, are left to the refresh.
  const neighbours = new Map<string, string[]>();
  const link = (x: string, y: string) => {
    const list = neighbours.get(x);
    if (list === undefined) neighbours.set(x, [y]);
    else list.push(y);
  };
  for (const l of b.links) {
    if (l.type === 'SUPPORTS') continue;
    link(l.from, l.to);
    link(l.to, l.from);
  }
  const claims = new Set(createdClaims);
  // A claim spoken on by a source renamed or merged here, or linked to a stored claim, is left to the refresh, with every claim linked to it.
  const claimOfStatement = new Map(b.statements.map((s) => [s.id, s.claim]));
  const unsettled = new Set(
    b.statements
      // Derived from a statement the graph holds: its position stands on that one's.
      .filter((s) => regroupedSources.has(s.source) || (s.derivedFrom !== null && !createdClaims.has(claimOfStatement.get(s.derivedFrom) ?? '')))
      .map((s) => s.claim),
  );
  const stack = [...createdClaims].filter((c) => unsettled.has(c) || (neighbours.get(c) ?? []).some((n) => !createdClaims.has(n)));
  while (stack.length > 0) {
    const c = stack.pop() as string;
    if (!claims.delete(c)) continue;
    for (const n of neighbours.get(c) ?? []) if (claims.has(n)) stack.push(n);
  }
  const statements = b.statements.filter((s) => claims.has(s.claim));
  if (statements.length === 0) return { claims, positions: new Map(), dates, superseded: [] };

  // Who speaks for whom: the bundle's affiliations, and the stored ancestry of stored sources;
  // and who speaks as whom: the spokespeople of each source, in the bundle and stored.
  const parents = new Map<string, string[]>();
  const spokespeopleOf = new Map<string, Set<string>>();
  const addSpokesperson = (source: string, member: string) => spokespeopleOf.set(source, (spokespeopleOf.get(source) ?? new Set()).add(member));
  const addParents = (source: string, more: readonly string[]) => {
    const list = parents.get(source);
    if (list === undefined) parents.set(source, [...more]);
    else list.push(...more);
  };
  for (const a of b.affiliations) {
    addParents(a.source, [a.parent]);
    if (speaksForParent(a.role)) addSpokesperson(a.parent, a.source);
  }
  // Whether each source is anonymous (only named members of one organisation revise each other): as the bundle writes it, else as stored.
  const anonymous = new Map<string, boolean>();
  for (const s of b.sources) if (!anonymous.has(s.id)) anonymous.set(s.id, s.anonymous);
  const storedSources = [...new Set([...statements.map((s) => s.source), ...b.affiliations.map((a) => a.parent)])].filter((id) => !newSources.has(id));
  if (storedSources.length > 0) {
    for (const row of await tx.run('ancestors-by-sources', { ids: storedSources })) {
      const key = String(row.key);
      if (!anonymous.has(key)) anonymous.set(key, row.anonymous === true);
      addParents(key, asStrings(row.ancestors));
      // The stored spokespeople of the source and of its stored ancestors, all under its key: they speak for it.
      for (const member of storedSpokespeople(row.members)) addSpokesperson(key, member);
    }
  }
  const ancestors = new Map<string, string[]>();
  const ancestorsOf = (source: string): string[] => {
    let found = ancestors.get(source);
    if (found === undefined) {
      const seen = new Set<string>();
      const todo = [...(parents.get(source) ?? [])];
      while (todo.length > 0) {
        const p = todo.pop() as string;
        if (seen.has(p) || p === source) continue;
        seen.add(p);
        todo.push(...(parents.get(p) ?? []));
      }
      ancestors.set(source, (found = [...seen]));
    }
    return found;
  };
  const spokespeople = (source: string): string[] => [...new Set([source, ...ancestorsOf(source)].flatMap((x) => [...(spokespeopleOf.get(x) ?? [])]))];
  const inputs: PositionInput[] = statements.map((s) => ({
    id: s.id, source: s.source, ancestors: ancestorsOf(s.source), spokespeople: spokespeople(s.source), anonymous: anonymous.get(s.source) === true,
    claim: s.claim, stance: s.stance, hedged: s.hedged,
    date: dates.get(s.id) ?? null, supersedes: s.supersedes, retracted: allPrintingsRetracted(s.appearances),
    derivedFrom: s.derivedFrom === null ? null : { id: s.derivedFrom, current: true, supersededBy: null, revision: false },
  }));
  const contradicts = b.links.filter((l) => l.type === 'CONTRADICTS' && claims.has(l.from)).map((l): [string, string] => [l.from, l.to]);
  const implies = b.links.filter((l) => l.type === 'IMPLIES' && claims.has(l.from)).map((l): [string, string] => [l.from, l.to]);
  const positions = computePositions(inputs, { contradicts, implies });
  const superseded: object[] = [];
  for (const [id, p] of positions) {
    if (!p.current) superseded.push({ id, current: false, supersededBy: p.supersededBy, reason: p.reason, revision: p.revision, retraction: p.retraction ?? null, ...storedDate(dates.get(id) ?? null) });
  }
  return { claims, positions, dates, superseded };
}

/**
 * Throws CONFLICT when a record given would join records the graph holds by
 * name (see ImportOptions.refuseNameMatches): a new record, or a stored one
 * renamed (or given an alias) to another stored record's name. The record's
 * own stored self is no other record.
 */
function refuseNameMatches(groups: readonly NameGroup[]): void {
  for (const g of groups) {
    const given = g.incoming;
    const stored = g.stored.filter((id) => !given.some((r) => r.id === id || r.identity === id));
    if (given.length > 0 && stored.length > 0) {
      const kind = given[0]?.kind === null ? 'entity' : 'source';
      throw new ClaimgraphError(
        'CONFLICT',
        `A ${kind} with the same name is stored already as ${stored.map((id) => JSON.stringify(id)).join(', ')}: refer to it by id (or rename one of them).`,
        { kind, existing: stored },
      );
    }
  }
}

/** The statement ids that `reportedVia` names in the version 1 files of an import (untrusted JSON: strings only). */
function v1RelayIds(files: readonly BundleFile[]): string[] {
  const ids: string[] = [];
  for (const f of files) {
    const json = f.json as { version?: unknown; statements?: unknown } | null;
    if (typeof json !== 'object' || json === null || json.version !== 1 || !Array.isArray(json.statements)) continue;
    for (const s of json.statements as unknown[]) {
      const via = typeof s === 'object' && s !== null ? (s as { reportedVia?: unknown }).reportedVia : undefined;
      if (typeof via === 'string' && via !== '') ids.push(via);
    }
  }
  return ids;
}

/** The redirects among the ids a bundle names, per kind: old id → the id it resolves to. */
async function readRedirects(tx: QueryRunner, ids: Record<NodeKind, Set<string>>): Promise<Record<RedirectKind, Map<string, string>>> {
  const out: Record<RedirectKind, Map<string, string>> = { sources: new Map(), entities: new Map(), documents: new Map(), claims: new Map(), statements: new Map() };
  const keys: string[] = [];
  for (const kind of Object.keys(LABELS) as RedirectKind[]) for (const id of ids[kind]) keys.push(`${LABELS[kind]}:${id}`);
  if (keys.length === 0) return out;
  const byLabel = new Map<string, RedirectKind>(Object.entries(LABELS).map(([kind, label]) => [label, kind as RedirectKind]));
  for (const row of await tx.run('import-redirects', { keys })) {
    const key = String(row.key);
    const colon = key.indexOf(':');
    const kind = byLabel.get(key.slice(0, colon));
    if (kind !== undefined) out[kind].set(key.slice(colon + 1), String(row.target));
  }
  return out;
}

/**
 * Groups the bundle's sources (or entities) with each other and with stored
 * records by name (resolve.ts), and lists the possible duplicates a generic
 * name or a skeleton suggests.
 */
async function resolveNames(
  tx: QueryRunner,
  kind: 'source' | 'entity',
  b: Bundle,
  storedIds: ReadonlyMap<string, string | null>,
  redirects: ReadonlyMap<string, string>,
  report: ImportReport,
  replacing: boolean,
): Promise<NameGroup[]> {
  const records: NameRecord[] =
    kind === 'source'
      ? b.sources.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, description: s.description, kind: s.kind, anonymous: s.anonymous, count: s.count, identity: null }))
      : b.entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, description: e.description, kind: null, anonymous: false, count: null, identity: null }));
  for (const r of records) r.identity = redirects.get(r.id) ?? (storedIds.has(r.id) ? r.id : null);
  const named = records.filter((r) => !r.anonymous);
  const keys = [...new Set(named.flatMap(matchKeys))];
  const generic = [...new Set(named.flatMap(genericKeys))];
  const hits = new Map<string, { id: string; kind: string | null }[]>();
  const all = [...keys, ...generic];
  if (all.length > 0) {
    for (const row of await tx.run(kind === 'source' ? 'sources-by-name-keys' : 'entities-by-name-keys', { keys: all })) {
      const key = String(row.key);
      const list = hits.get(key) ?? [];
      list.push({ id: String(row.id), kind: kind === 'source' ? String(row.kind) : null });
      hits.set(key, list);
    }
  }
  const matching = new Map([...hits].filter(([key]) => keys.includes(key)));
  const first = groupNames(records, matching, new Map(), replacing);
  const needed = storedIdsOf(first);
  const storedRecords = new Map<string, StoredName>();
  if (needed.length > 0) {
    for (const row of await tx.run(kind === 'source' ? 'sources-for-merge' : 'entities-for-merge', { ids: needed })) {
      const r = row.record as Record<string, Value>;
      storedRecords.set(String(r.id), {
        id: String(r.id), name: String(r.name), aliases: asStrings(r.aliases), description: str(r.description), descriptionFrom: str(r.descriptionFrom),
        kind: str(r.kind), anonymous: r.anonymous === true, count: typeof r.count === 'number' ? r.count : null, hash: str(r.hash),
      });
    }
  }
  const groups = groupNames(records, matching, storedRecords, replacing);
  for (const g of groups) for (const m of g.matches) report.matched.push({ kind, bundleId: m.bundleId, graphId: g.record.id, key: m.key });

  // Possible duplicates: a shared generic name or skeleton between two groups (or a group and a stored record outside the groups).
  const label = kind === 'source' ? 'Source' : 'Entity';
  const finalId = new Map<string, string>();
  for (const g of groups) {
    for (const r of g.incoming) finalId.set(r.id, g.record.id);
    for (const s of g.stored) finalId.set(s, g.record.id);
  }
  const skeletons = [...new Set(named.flatMap(skeletonKeys))];
  const skeletonHits = new Map<string, { id: string; kind: string | null }[]>();
  if (skeletons.length > 0) {
    for (const row of await tx.run(kind === 'source' ? 'sources-by-skeletons' : 'entities-by-skeletons', { skeletons })) {
      const list = skeletonHits.get(String(row.key)) ?? [];
      list.push({ id: String(row.id), kind: kind === 'source' ? String(row.kind) : null });
      skeletonHits.set(String(row.key), list);
    }
  }
  const pairs = new Map<string, PossibleDuplicate>();
  const holders = new Map<string, { id: string; kind: string | null }[]>();
  const hold = (key: string, holder: { id: string; kind: string | null }) => {
    const list = holders.get(key) ?? [];
    list.push(holder);
    holders.set(key, list);
  };
  for (const r of named) {
    const id = finalId.get(r.id) ?? r.id;
    for (const k of genericKeys(r)) hold(`g\u0000${k}`, { id, kind: r.kind });
    for (const k of skeletonKeys(r)) hold(`s\u0000${k}`, { id, kind: r.kind });
  }
  for (const [k, list] of hits) if (generic.includes(k)) for (const h of list) hold(`g\u0000${k}`, { id: finalId.get(h.id) ?? h.id, kind: h.kind });
  for (const [k, list] of skeletonHits) for (const h of list) hold(`s\u0000${k}`, { id: finalId.get(h.id) ?? h.id, kind: h.kind });
  const incomingIds = new Set(named.map((r) => finalId.get(r.id) ?? r.id));
  for (const [k, list] of holders) {
    const reason = k.startsWith('g') ? 'GENERIC_NAME' : 'SIMILAR_NAME';
    const key = k.slice(2);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i] as { id: string; kind: string | null };
        const y = list[j] as { id: string; kind: string | null };
        if (x.id === y.id || x.kind !== y.kind || !(incomingIds.has(x.id) || incomingIds.has(y.id))) continue;
        const p = pair(label, x.id, y.id, reason, key, null);
        const id = `${p.a}\u0000${p.b}`;
        // One pair, one entry: a generic name says more than a spelling.
        if (!pairs.has(id) || reason === 'GENERIC_NAME') pairs.set(id, p);
      }
    }
  }
  report.possibleDuplicates.push(...[...pairs.values()].sort((p, q) => (p.a !== q.a ? (p.a < q.a ? -1 : 1) : p.b < q.b ? -1 : 1)));
  return groups;
}

/**
 * Drops from the report the pairs an editor rejected (a rejected pair is
 * never listed again) and returns the pairs to write: those not stored yet,
 * so that importing a bundle again writes nothing. A group's pair is looked
 * up under the stored id the import renames (the group's id is new).
 */
async function undecidedPairs(tx: QueryRunner, report: ImportReport, groups: readonly (readonly ['Source' | 'Entity', readonly NameGroup[]])[]): Promise<PossibleDuplicate[]> {
  if (report.possibleDuplicates.length === 0) return [];
  const storedId = new Map<string, string>();
  for (const [label, list] of groups) for (const g of list) if (g.renameFrom !== null) storedId.set(`${label}\u0000${g.record.id}`, g.renameFrom);
  const asStored = (label: string, id: string) => storedId.get(`${label}\u0000${id}`) ?? id;
  const keyOf = (label: string, a: string, b: string) => `${label}\u0000${a}\u0000${b}`;
  const rows = report.possibleDuplicates.map((p) => ({ label: p.label, a: asStored(p.label, p.a), b: asStored(p.label, p.b) }));
  const stored = new Set<string>();
  const rejected = new Set<string>();
  for (const row of await tx.run('possible-duplicates-by-pairs', { rows })) {
    const key = keyOf(String(row.label), String(row.a), String(row.b));
    stored.add(key);
    if (row.rejected === true) rejected.add(key);
  }
  const keyOfPair = (p: PossibleDuplicate) => keyOf(p.label, asStored(p.label, p.a), asStored(p.label, p.b));
  report.possibleDuplicates = report.possibleDuplicates.filter((p) => !rejected.has(keyOfPair(p)));
  return report.possibleDuplicates.filter((p) => !stored.has(keyOfPair(p)));
}

/** New claims worded like another new claim, or like a stored claim about the same entities. */
async function similarClaimPairs(tx: QueryRunner, created: ClaimRecord[], linked: ReadonlySet<string>, entityGroups: readonly NameGroup[] = []): Promise<PossibleDuplicate[]> {
  if (created.length === 0) return [];
  // A group's stored entities are still under their old ids while the import plans (renamed or merged
  // only when it writes): their claims are about the group too, whichever bundle came first.
  const storedOf = new Map(entityGroups.map((g) => [g.record.id, g.stored]));
  const entities = [...new Set(created.flatMap((c) => c.about.flatMap((e) => [e, ...(storedOf.get(e) ?? [])])))];
  const newIds = new Set(created.map((c) => c.id));
  const stored = entities.length === 0 ? [] : (await tx.run('claims-about-entities', { ids: entities })).map((r) => ({ id: String(r.id), text: String(r.text) })).filter((c) => !newIds.has(c.id));
  return similarClaims(created, stored, linked);
}

/**
 * Imports a bundle (parsed JSON, not yet trusted) in one write transaction:
 * all of it or none of it. It is validated against the graph (references may
 * name records already stored, or ids merged into them); sources and
 * entities are recognised by name (resolve.ts); then only records that are
 * new or changed are written, so a second import of the same bundle writes
 * nothing, and an edited record is rewritten with its references moved, not
 * doubled. Positions over time are computed again for every claim touched.
 */
export async function importBundle(store: GraphStore, input: ImportInput, options: ImportOptions): Promise<ImportReport> {
  return store.transaction('WRITE', (tx) => importWithin(tx, input, options));
}

/** {@link importBundle} for several bundles read as one set: references across files resolve, and the set is written in one transaction. */
export async function importBundleSet(store: GraphStore, files: readonly BundleFile[], options: ImportOptions): Promise<ImportReport> {
  return store.transaction('WRITE', (tx) => importWithin(tx, null, options, files));
}

/**
 * {@link importBundle} inside a write transaction the caller already holds,
 * so that an edit can validate and write a bundle together with other
 * queries, all committed or none. Throws (and writes nothing) on a bundle
 * with problems; the caller's transaction then rolls back.
 */
export async function importWithin(tx: QueryRunner, input: ImportInput, options: ImportOptions, files?: readonly BundleFile[]): Promise<ImportReport> {
  // Before anything is read: the name groups, the ids taken and the loop check
  // below must see every import committed before this one (src/graph/locks.ts).
  await takeLocks(tx, [IMPORT_LOCK]);
  const { plan: planned, report } = await plan(tx, filesOf(input, files), options);
  for (const single of planned.singles) await tx.run(single.query, single.params);
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
  await refreshIndependence(tx, planned.independence);
  const touched = planned.touchedClaims;
  if (planned.regrouped.length > 0) {
    for (const row of await tx.run('claims-by-sources', { ids: planned.regrouped })) touched.add(String(row.claim));
  }
  const standing = planned.standingClaims;
  if (planned.parties.sources.length > 0) {
    for (const row of await tx.run('claims-by-sources', { ids: planned.parties.sources })) standing.add(String(row.claim));
  }
  if (planned.parties.entities.length > 0) {
    for (const row of await tx.run('claims-about-entities', { ids: planned.parties.entities })) standing.add(String(row.id));
  }
  await refreshPositions(tx, { claims: touched, documents: planned.touchedDocuments, standing });
  return report;
}

/**
 * The validator finds loops within a bundle; a bundle can also close one
 * through records already stored (its source under a stored parent that is
 * stored under it, a derivation from a stored statement derived from it).
 * Checked on the graph after writing, in the same transaction, so a loop
 * rolls the whole import back. A revision of a stored statement by another
 * source is refused the same way.
 */
async function refuseLoops(tx: QueryRunner, planned: Plan): Promise<void> {
  const { loopSources: sources, loopStatements: statements } = planned;
  if (sources.length === 0 && statements.length === 0) return;
  const [found] = await tx.run('import-loops', { sources, statements });
  const problems: BundleProblem[] = [
    ...asStrings(found?.sources).map((id) => ({
      path: '$.affiliations',
      id,
      expected: 'affiliations without a cycle, counting those already in the graph',
      got: `source ${JSON.stringify(id)} would be affiliated with itself`,
    })),
    ...asStrings(found?.derived).map((id) => ({
      ...planned.statementAt(id, '.derivedFrom'),
      id,
      expected: 'derivations that end, counting those already in the graph',
      got: `statement ${JSON.stringify(id)} would be derived from itself`,
    })),
    ...asStrings(found?.revised).map((id) => ({
      ...planned.statementAt(id, '.supersedes'),
      id,
      expected: 'revisions that end, counting those already in the graph',
      got: `statement ${JSON.stringify(id)} would revise itself`,
    })),
    ...((found?.foreign ?? []) as Value[][]).map(([id, target]) => ({
      ...planned.statementAt(String(id), '.supersedes'),
      id: String(id),
      expected: `a revision of a statement by the same source (${OTHER_SOURCE_HINT})`,
      got: `statement ${JSON.stringify(id)} supersedes ${JSON.stringify(target)}, made by another source`,
    })),
  ];
  if (problems.length > 0) {
    throw badInput(`The bundle has ${problems.length} problem(s) with the graph:\n${problems.map((p) => `  ${p.path} (${p.id}): expected ${p.expected}, got ${p.got}`).join('\n')}`, { problems });
  }
}

/** What {@link importBundle} would do, computed in a read transaction: nothing is written. */
export function dryRunImport(store: GraphStore, input: ImportInput, options: ImportOptions, files?: readonly BundleFile[]): Promise<ImportReport> {
  return store.transaction('READ', async (tx) => (await plan(tx, filesOf(input, files), options)).report);
}
