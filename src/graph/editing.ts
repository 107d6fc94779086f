import { createHash, randomUUID } from 'node:crypto';
import { badInput, ClaimgraphError, notFound, show } from '../errors';
import type { GraphStore, QueryRunner, Row, Value } from '../store/port';
import type { QueryName } from '../store/queries';
import type { BundleProblem } from './bundle';
import { statementRecordOf } from './export';
import { importWithin, type ImportReport } from './import';
import type { ClaimLinkType, StatementRecord } from './model';
import { refreshIndependence, type IndependenceTouched } from './independence';
import { refreshPositions } from './refresh';
import { refreshStandings, standingScope } from './standing';

/*
 * Editing the graph one record at a time. Every edit is one write
 * transaction, and every write goes through the import pipeline: the edit is
 * turned into a small bundle and imported within the transaction. So an edit
 * is validated exactly as a bundle is (shapes, enums, references to ids in
 * the graph), fingerprinted, stamped with who wrote it, and an edited
 * reference moves instead of doubling. Only what a bundle cannot express
 * (removing a link, merging, deleting) has queries of its own, and those run
 * in the same transaction. A failure anywhere rolls the whole edit back.
 */

export interface EditOptions {
  /** Who writes: recorded as createdBy/updatedBy (and a link's linkedBy). */
  editor: string;
  /** The time recorded (ISO 8601); now by default. */
  now?: string;
}

type Obj = { [key: string]: Value };
/** Fields as a client sent them: absent (unchanged), null (cleared) or a value, not yet trusted. */
export type Fields = Record<string, unknown>;

type Section = 'sources' | 'entities' | 'documents' | 'claims' | 'statements';

/** What each kind of record is called, where it lives in a bundle, and which fields an edit may set. */
const KINDS = {
  source: { section: 'sources', prefix: 'src', export: 'export-sources', fields: ['name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'entity'] },
  entity: { section: 'entities', prefix: 'ent', export: 'export-entities', fields: ['name', 'description', 'aliases'] },
  document: { section: 'documents', prefix: 'doc', export: 'export-documents', fields: ['title', 'publisher', 'url', 'publishedAt', 'note', 'text'] },
  claim: { section: 'claims', prefix: 'claim', export: 'export-claims', fields: ['text', 'about'] },
  statement: {
    section: 'statements',
    prefix: 'st',
    export: 'export-statements',
    fields: ['source', 'claim', 'stance', 'hedged', 'hedge', 'date', 'madeAt', 'quote', 'paraphrase', 'appearances', 'derivedFrom', 'supersedes'],
  },
} as const satisfies Record<string, { section: Section; prefix: string; export: QueryName; fields: readonly string[] }>;

export type RecordKind = keyof typeof KINDS;

/** A new business id in the seed's convention: the kind's prefix and a UUID. */
export const newId = (kind: RecordKind): string => `${KINDS[kind].prefix}-${randomUUID()}`;

const bundleOf = (sections: Partial<Record<Section | 'affiliations' | 'links', object[]>>) => ({
  format: 'claimgraph-bundle',
  version: 2,
  ...sections,
});

/** Keeps only the fields an edit of `kind` may set, dropping absent ones. */
function pick(kind: RecordKind, fields: Fields): Fields {
  const out: Fields = {};
  for (const f of KINDS[kind].fields) if (fields[f] !== undefined) out[f] = fields[f];
  return out;
}

/**
 * Imports a bundle inside the edit's transaction. When the bundle has
 * problems, they are reported at paths relative to what the client sent:
 * `relocate` turns `$.statements[0].stance` into, say, `input.stance`.
 */
async function importAs(tx: QueryRunner, bundle: object, options: EditOptions, relocate: (path: string) => string, refuseNameMatches = false): Promise<ImportReport> {
  try {
    // An edit replaces the record it names (a cleared alias goes), where a second report would add to it.
    return await importWithin(tx, bundle, { editor: options.editor, now: options.now, replaceStored: true, refuseNameMatches });
  } catch (error) {
    throw relocateProblems(error, relocate);
  }
}

/** Rewrites the paths of a bundle's BAD_USER_INPUT error; any other error passes through. */
export function relocateProblems(error: unknown, relocate: (path: string) => string): unknown {
  if (!(error instanceof ClaimgraphError) || error.code !== 'BAD_USER_INPUT' || !Array.isArray(error.details?.problems)) return error;
  const problems = (error.details.problems as BundleProblem[]).map((p) => ({ ...p, path: relocate(p.path) }));
  return invalid(problems);
}

/** One BAD_USER_INPUT error listing every problem, as the bundle validator words them. */
export function invalid(problems: BundleProblem[]): ClaimgraphError {
  const lines = problems.slice(0, 20).map((p) => `  ${p.path}: expected ${p.expected}, got ${p.got}`);
  if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
  return badInput(`The input has ${problems.length} problem(s):\n${lines.join('\n')}`, { problems });
}

/** `$.sources[0].name` → `input.name`: the record at index 0 of `section` is the client's input. */
const inputPath = (section: string, root = 'input') => (path: string) => {
  const prefix = `$.${section}[0]`;
  return path.startsWith(prefix) ? `${root}${path.slice(prefix.length)}` : path;
};

/** Whether a record of `kind` with this id is in the graph. */
async function exists(tx: QueryRunner, kind: RecordKind, id: string): Promise<boolean> {
  const empty = { sources: [], entities: [], documents: [], claims: [], statements: [] };
  const [row] = await tx.run('existing-ids', { ...empty, [KINDS[kind].section]: [id] });
  const found = row?.[KINDS[kind].section];
  return Array.isArray(found) && found.includes(id);
}

/** The graph labels of the kinds, as redirects name them. */
const LABEL_OF: Record<RecordKind, string> = { source: 'Source', entity: 'Entity', document: 'Document', claim: 'Claim', statement: 'Statement' };

/** The id a record of `kind` is stored under: `id` itself, or the record it was merged into. */
async function resolvedId(tx: QueryRunner, kind: RecordKind, id: string): Promise<string> {
  const [row] = await tx.run('import-redirects', { keys: [`${LABEL_OF[kind]}:${id}`] });
  return row === undefined ? id : String(row.target);
}

/** The records of `kind` with these ids, as the export reads them (bundle fields and audit), by id. */
async function currentRecords(tx: QueryRunner, kind: RecordKind, ids: string[]): Promise<Map<string, Obj>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.run(KINDS[kind].export, { ids, after: null, limit: ids.length });
  // A statement's appearances come as the store keeps them: read them as the bundle writes them.
  const records = rows.map((r) => (kind === 'statement' ? (statementRecordOf(r.record as Obj) as unknown as Obj) : (r.record as Obj)));
  return new Map(records.map((r) => [String(r.id), r]));
}

/** The bundle fields of an exported record: its id and the fields an edit may set, nothing else. */
function asBundleRecord(kind: RecordKind, record: Obj): Fields {
  const out: Fields = { id: record.id };
  for (const f of KINDS[kind].fields) out[f] = record[f] ?? null;
  return out;
}

/**
 * Writes an entry of the change log, in the change's own transaction: a
 * deletion, an unlink or a merge leaves no record whose `updatedBy` could
 * say who did it.
 */
async function logChange(
  tx: QueryRunner,
  options: EditOptions,
  change: { action: 'DELETE' | 'UNLINK' | 'MERGE'; kind: string; target: string; details: object },
): Promise<void> {
  const at = options.now ?? new Date().toISOString();
  await tx.run('record-change', { id: `${at}~${randomUUID()}`, at, by: options.editor, ...change, details: JSON.stringify(change.details) });
}

const already = (kind: RecordKind, id: string, update: string) =>
  new ClaimgraphError('CONFLICT', `A ${kind} with id ${show(id)} exists already; use ${update} to change it.`, { kind, id });

/**
 * Creates a record of `kind`. The id is the client's or a new
 * `<prefix>-<uuid>`; an id in use is a CONFLICT. A named source or an entity
 * whose name (or alias) is that of a stored one of the same kind is refused
 * too: the import would reuse the stored record instead, so the client is
 * told its id rather than getting a silent duplicate or a silent no-op.
 */
export async function createRecord(store: GraphStore, kind: Exclude<RecordKind, 'statement'>, fields: Fields, options: EditOptions): Promise<string> {
  const id = typeof fields.id === 'string' ? fields.id : newId(kind);
  const update = `update${kind[0]?.toUpperCase()}${kind.slice(1)}`;
  return store.transaction('WRITE', async (tx) => {
    if (await exists(tx, kind, id)) throw already(kind, id, update);
    const section = KINDS[kind].section;
    // A record with the name of a stored one is refused (CONFLICT) rather than joined to it.
    await importAs(tx, bundleOf({ [section]: [{ id, ...pick(kind, fields) }] }), options, inputPath(section), true);
    return id;
  });
}

/**
 * Updates a record of `kind`: the fields given replace the stored ones, a
 * null clears an optional field, an absent field is left as it is. An
 * unknown id is NOT_FOUND; a name or alias another stored record of the
 * kind holds is a CONFLICT (the import would make the two one record). A
 * record left unchanged is not rewritten, so its `updatedBy` stays.
 */
export async function updateRecord(store: GraphStore, kind: Exclude<RecordKind, 'statement'>, given: string, fields: Fields, options: EditOptions): Promise<string> {
  return store.transaction('WRITE', async (tx) => {
    // An id merged into another record names that record (redirects keep resolving).
    const id = await resolvedId(tx, kind, given);
    const stored = (await currentRecords(tx, kind, [id])).get(id);
    if (stored === undefined) throw notFound(kind, given);
    const section = KINDS[kind].section;
    const record = { ...asBundleRecord(kind, stored), ...pick(kind, fields) };
    // A new name or alias that another stored record holds is refused: merging is the editor's explicit act (mergeSources, mergeEntities).
    await importAs(tx, bundleOf({ [section]: [record] }), options, inputPath(section), true);
    return id;
  });
}

/**
 * Records a statement: creates it, or, when its id exists, replaces it
 * whole (a field left out becomes null, or an empty list). Its source,
 * claim, documents and the statements it names must exist; a derivation or
 * revision that would lead back to the statement itself is refused, as in a
 * bundle. Positions over time are computed again by the import.
 */
export async function recordStatement(store: GraphStore, fields: Fields, options: EditOptions): Promise<string> {
  const id = typeof fields.id === 'string' ? fields.id : newId('statement');
  return store.transaction('WRITE', async (tx) => {
    await importAs(tx, bundleOf({ statements: [{ id, ...pick('statement', fields) }] }), options, inputPath('statements'));
    return id;
  });
}

/**
 * Links two claims (or rewrites the reason of an existing link), with the
 * editor as `linkedBy`. The claims must exist and differ.
 */
export async function linkClaims(store: GraphStore, link: { type: ClaimLinkType; from: string; to: string; reason: string }, options: EditOptions): Promise<void> {
  await store.transaction('WRITE', async (tx) => {
    // An id merged into another resolves to it: two ids of one claim would link it to itself.
    const resolved = new Map((await tx.run('import-redirects', { keys: [`Claim:${link.from}`, `Claim:${link.to}`] })).map((r) => [String(r.key).slice('Claim:'.length), String(r.target)]));
    const [from, to] = [resolved.get(link.from) ?? link.from, resolved.get(link.to) ?? link.to];
    if (link.from !== link.to && from === to) {
      throw invalid([{ path: 'to', expected: 'a claim other than `from`', got: `${show(link.to)}, which is ${show(to)} since a merge` }]);
    }
    const record = { type: link.type, from: link.from, to: link.to, linkedBy: options.editor, reason: link.reason };
    await importAs(tx, bundleOf({ links: [record] }), options, (path) => path.replace(/^\$\.links\[0\]\./, ''));
  });
}

/**
 * Removes a link between two claims. A CONTRADICTS link goes in whichever
 * direction it was drawn (both, if drawn twice), since every query reads it
 * both ways; a SUPPORTS or IMPLIES link only from `from` to `to`. Unknown
 * claims, or no such link, are NOT_FOUND. Removing a CONTRADICTS link can
 * make an earlier statement current again: positions are computed again.
 */
export async function unlinkClaims(store: GraphStore, link: { type: ClaimLinkType; from: string; to: string }, options: EditOptions): Promise<void> {
  await store.transaction('WRITE', async (tx) => {
    for (const id of [link.from, link.to]) if (!(await exists(tx, 'claim', id))) throw notFound('claim', id);
    // The claims whose standing the link reaches, read while it still joins them.
    const reached = link.type === 'SUPPORTS' ? [] : await standingScope(tx, [link.from, link.to]);
    const query = link.type === 'CONTRADICTS' ? 'unlink-contradicts' : link.type === 'SUPPORTS' ? 'unlink-supports' : 'unlink-implications';
    const [row] = await tx.run(query, { from: link.from, to: link.to });
    if (Number(row?.removed ?? 0) === 0) {
      const between = link.type === 'CONTRADICTS' ? `between ${show(link.from)} and ${show(link.to)}` : `from ${show(link.from)} to ${show(link.to)}`;
      throw new ClaimgraphError('NOT_FOUND', `No ${link.type} link ${between}.`, { ...link });
    }
    // Both links that positions read: an earlier statement may count again. A SUPPORTS link changes
    // no position, but who is a party to `from` (the parties of what it supports are its own).
    if (link.type !== 'SUPPORTS') await refreshPositions(tx, { claims: [link.from, link.to], standing: reached });
    else await refreshStandings(tx, [link.from]);
    await logChange(tx, options, { action: 'UNLINK', kind: 'CLAIM', target: link.from, details: { ...link, removed: Number(row?.removed) } });
  });
}

const strings = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: Value | undefined): Obj[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null && !Array.isArray(x)) as Obj[]) : []);

/**
 * Merges two records of the same source into `keep`: `merge`'s statements,
 * its affiliations in both directions (a link between the two is dropped,
 * one `keep` already has is kept as it is), the documents it published and
 * its ratings move to `keep`; `merge`'s name and aliases become aliases of
 * `keep`; `merge`'s id redirects to `keep` from now on. Refused when the two
 * are affiliated through a third source, which would become an affiliation
 * cycle. The merged source's statements are `keep`'s now, so positions over
 * time are computed again.
 */
export async function mergeSources(store: GraphStore, keep: string, merge: string, options: EditOptions): Promise<void> {
  if (keep === merge) {
    throw invalid([{ path: 'merge', expected: 'a source other than `keep`', got: show(merge) }]);
  }
  await store.transaction('WRITE', async (tx) => {
    const stored = await currentRecords(tx, 'source', [keep, merge]);
    const kept = stored.get(keep);
    const merged = stored.get(merge);
    if (kept === undefined) throw notFound('source', keep);
    if (merged === undefined) throw notFound('source', merge);

    const [detours] = await tx.run('affiliation-detours', { a: keep, b: merge });
    const through = [...strings(detours?.aToB), ...strings(detours?.bToA)];
    if (through.length > 0) {
      throw invalid([{
        path: 'merge',
        expected: 'a source not affiliated with `keep` through another source (merged, the affiliations would form a cycle)',
        got: `${show(merge)} and ${show(keep)} are affiliated through ${through.map((t) => show(t)).join(', ')}`,
      }]);
    }
    const statements = (await tx.run('statements-by-sources', { ids: [merge] })).map((r) => String((r.statement as Obj).id));
    const documents = (await tx.run('documents-by-publishers', { ids: [merge] })).map((r) => String((r.document as Obj).id));
    // The spellings `merge` was alike with: its pairs move to `keep`, but a pair `keep` already has
    // (an editor's rejection, say) wins, so one of them can leave the group and must be regrouped too.
    const formerAlike = (await tx.run('source-alike-neighbours', { ids: [merge] })).flatMap((r) => strings(r.alike));
    await tx.run('merge-source-into', { keep, absorbed: merge });
    // `keep` took `merge`'s parents, members and statements: the roots below it and the origins through them change.
    await refreshIndependence(tx, { sources: [keep], makers: [keep], alike: formerAlike });
    await tx.run('create-redirects', { rows: [{ label: 'Source', id: merge, target: keep }] });
    await mergeInto(tx, 'source', kept, merged, options);
    await restamp(tx, 'statement', statements, options);
    await restamp(tx, 'document', documents, options);
    const claims = (await tx.run('claims-by-sources', { ids: [keep] })).map((r) => String(r.claim));
    await refreshPositions(tx, { claims });
    await logChange(tx, options, { action: 'MERGE', kind: 'SOURCE', target: keep, details: { merged: asBundleRecord('source', merged), statements } });
  });
}

/**
 * Rewrites, through the import, records a merge changed in place (a
 * statement now the kept source's or on the kept claim, a document now
 * published by the kept source, a claim now about the kept entity), so that
 * their fingerprints and `recorded` follow the change like any edit's.
 */
async function restamp(tx: QueryRunner, kind: 'statement' | 'document' | 'claim', ids: string[], options: EditOptions): Promise<void> {
  if (ids.length === 0) return;
  const records = [...(await currentRecords(tx, kind, [...new Set(ids)])).values()].map((r) => asBundleRecord(kind, r));
  await importAs(tx, bundleOf({ [KINDS[kind].section]: records }), options, (p) => p);
}

/**
 * Rewrites the kept record with the merged one's name and aliases among its
 * aliases (through the import, so its fingerprint, name keys and `updatedBy`
 * follow). Run once the merged record is gone, so that the import does not
 * see it as a second record of the same name.
 */
async function mergeInto(tx: QueryRunner, kind: 'source' | 'entity', kept: Obj, merged: Obj, options: EditOptions): Promise<void> {
  const keepName = String(kept.name);
  const aliases = [...new Set([...strings(kept.aliases), String(merged.name), ...strings(merged.aliases)])].filter((a) => a !== keepName).sort();
  const section = KINDS[kind].section;
  await importAs(tx, bundleOf({ [section]: [{ ...asBundleRecord(kind, kept), aliases }] }), options, (p) => p);
}

/**
 * Merges two records of the same entity into `keep`: the claims about
 * `merge` become claims about `keep`, `merge`'s name and aliases become
 * aliases of `keep`, and `merge`'s id redirects to `keep`.
 */
export async function mergeEntities(store: GraphStore, keep: string, merge: string, options: EditOptions): Promise<void> {
  if (keep === merge) throw invalid([{ path: 'merge', expected: 'an entity other than `keep`', got: show(merge) }]);
  await store.transaction('WRITE', async (tx) => {
    const stored = await currentRecords(tx, 'entity', [keep, merge]);
    const kept = stored.get(keep);
    const merged = stored.get(merge);
    if (kept === undefined) throw notFound('entity', keep);
    if (merged === undefined) throw notFound('entity', merge);
    const claims = (await tx.run('claims-about-entities', { ids: [merge] })).map((r) => String(r.id));
    await tx.run('merge-entity-into', { keep, absorbed: merge });
    await tx.run('create-redirects', { rows: [{ label: 'Entity', id: merge, target: keep }] });
    await mergeInto(tx, 'entity', kept, merged, options);
    await restamp(tx, 'claim', claims, options);
    await logChange(tx, options, { action: 'MERGE', kind: 'ENTITY', target: keep, details: { merged: asBundleRecord('entity', merged) } });
  });
}

/**
 * Merges two wordings of one proposition into `keep`: `merge`'s statements,
 * links, entities, questions (with their overrides) and assessments move to
 * `keep`, and `merge`'s id redirects to `keep`. Positions over time are
 * computed again (two statements of one source may now be on one claim).
 */
export async function mergeClaims(store: GraphStore, keep: string, merge: string, options: EditOptions): Promise<void> {
  if (keep === merge) throw invalid([{ path: 'merge', expected: 'a claim other than `keep`', got: show(merge) }]);
  await store.transaction('WRITE', async (tx) => {
    const stored = await currentRecords(tx, 'claim', [keep, merge]);
    const merged = stored.get(merge);
    if (!stored.has(keep)) throw notFound('claim', keep);
    if (merged === undefined) throw notFound('claim', merge);
    const [scope] = await tx.run('deletion-scope-claim', { id: merge });
    const reached = await standingScope(tx, [merge]);
    await tx.run('merge-claim-into', { keep, absorbed: merge });
    await tx.run('create-redirects', { rows: [{ label: 'Claim', id: merge, target: keep }] });
    // Its statements are on `keep` now, and `keep` is about the merged claim's entities too.
    await restamp(tx, 'statement', strings(scope?.statements), options);
    await restamp(tx, 'claim', [keep], options);
    await refreshPositions(tx, { claims: [keep], standing: reached.filter((c) => c !== merge) });
    await logChange(tx, options, { action: 'MERGE', kind: 'CLAIM', target: keep, details: { merged: asBundleRecord('claim', merged) } });
  });
}

/** The kinds of records a possible duplicate pairs, and their labels. */
export const DUPLICATE_LABELS = { SOURCE: 'Source', ENTITY: 'Entity', CLAIM: 'Claim' } as const;

/**
 * Records an editor's decision that two records listed as possible
 * duplicates are not one: the pair stays stored, marked rejected, so that no
 * later import lists it again. NOT_FOUND when the pair is not listed.
 */
export async function rejectDuplicate(store: GraphStore, kind: keyof typeof DUPLICATE_LABELS, a: string, b: string, options: EditOptions): Promise<Row> {
  return store.transaction('WRITE', async (tx) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    const at = options.now ?? new Date().toISOString();
    const [row] = await tx.run('reject-duplicate', { label: DUPLICATE_LABELS[kind], a: low, b: high, by: options.editor, at });
    if (row === undefined) throw new ClaimgraphError('NOT_FOUND', `No possible duplicate of kind ${kind} pairs ${show(low)} and ${show(high)}.`, { kind, a: low, b: high });
    // Two spellings judged two sources: they count as independent again.
    if (kind === 'SOURCE') await refreshIndependence(tx, { alike: [low, high] });
    return row;
  });
}

// ---------------------------------------------------------------------------
// Deletion: preview, then delete what the preview showed, confirmed by its token.

export const DELETABLE_KINDS = ['CLAIM', 'SOURCE', 'DOCUMENT', 'STATEMENT', 'ENTITY'] as const;
export type DeletableKind = (typeof DELETABLE_KINDS)[number];

export interface DeletedNode {
  kind: DeletableKind;
  id: string;
}

export interface DeletedRelationship {
  type: string;
  from: string;
  to: string;
}

/** A record that stays but loses its reference to something deleted, and is rewritten without it. */
export interface DetachedRecord {
  kind: DeletableKind;
  id: string;
  /** The field that loses the deleted id. */
  field: 'derivedFrom' | 'supersedes' | 'appearances' | 'publisher' | 'about';
}

export interface DeletionPlan {
  kind: DeletableKind;
  id: string;
  /** The node itself first, then the statements deleted with it, in id order. */
  nodes: DeletedNode[];
  /** Every relationship removed, in (type, from, to) order. */
  relationships: DeletedRelationship[];
  detached: DetachedRecord[];
  /** A hash of exactly this plan: `delete` goes ahead only if the plan it computes has the same one. */
  confirm: string;
}

const SCOPE_QUERY: Record<DeletableKind, QueryName> = {
  CLAIM: 'deletion-scope-claim',
  SOURCE: 'deletion-scope-source',
  DOCUMENT: 'deletion-scope-document',
  STATEMENT: 'deletion-scope-statement',
  ENTITY: 'deletion-scope-entity',
};

const DELETE_QUERY: Record<Exclude<DeletableKind, 'STATEMENT'>, QueryName> = {
  CLAIM: 'delete-claim',
  SOURCE: 'delete-source',
  DOCUMENT: 'delete-document',
  ENTITY: 'delete-entity',
};

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Works out what deleting the node would remove; NOT_FOUND when there is no such node. */
async function planDeletion(tx: QueryRunner, kind: DeletableKind, id: string): Promise<DeletionPlan> {
  const [row]: Row[] = await tx.run(SCOPE_QUERY[kind], { id });
  if (row === undefined) throw notFound(kind.toLowerCase(), id);
  const statements = [...new Set(strings(row.statements))].filter((s) => !(kind === 'STATEMENT' && s === id)).sort();
  const deletedStatements = new Set(kind === 'STATEMENT' ? [id, ...statements] : statements);

  // A relationship between two deleted nodes is read from both ends; there is
  // at most one of a type between two nodes, so (type, from, to) names it.
  const relationships = new Map<string, DeletedRelationship>();
  for (const r of objects(row.relationships)) {
    const rel = { type: String(r.type), from: String(r.from), to: String(r.to) };
    relationships.set(`${rel.type}\u0000${rel.from}\u0000${rel.to}`, rel);
  }
  const rels = [...relationships.values()].sort(byKey((r) => `${r.type}\u0000${r.from}\u0000${r.to}`));

  const detached: DetachedRecord[] = [];
  for (const r of rels) {
    if ((r.type === 'DERIVED_FROM' || r.type === 'SUPERSEDES') && deletedStatements.has(r.to) && !deletedStatements.has(r.from)) {
      detached.push({ kind: 'STATEMENT', id: r.from, field: r.type === 'DERIVED_FROM' ? 'derivedFrom' : 'supersedes' });
    } else if (r.type === 'PUBLISHED_BY' && kind === 'SOURCE' && r.to === id) {
      detached.push({ kind: 'DOCUMENT', id: r.from, field: 'publisher' });
    } else if (r.type === 'ABOUT' && kind === 'ENTITY' && r.to === id) {
      detached.push({ kind: 'CLAIM', id: r.from, field: 'about' });
    }
  }
  // Appearances name intermediaries (and their documents) by id: a deleted
  // source or document must go from them too, as must a deleted document's
  // appearances of statements printed elsewhere as well.
  if (kind === 'SOURCE' || kind === 'DOCUMENT') {
    const [carried] = await tx.run('statements-carried-by', { id });
    for (const st of strings(carried?.statements)) if (!deletedStatements.has(st)) detached.push({ kind: 'STATEMENT', id: st, field: 'appearances' });
  }
  detached.sort(byKey((d) => `${d.kind}\u0000${d.id}\u0000${d.field}`));

  const nodes: DeletedNode[] = [{ kind, id }, ...statements.map((s): DeletedNode => ({ kind: 'STATEMENT', id: s }))];
  const confirm = createHash('sha256').update(JSON.stringify({ kind, id, nodes, relationships: rels, detached })).digest('base64url').slice(0, 32);
  return { kind, id, nodes, relationships: rels, detached, confirm };
}

/**
 * The independence keys a deletion changes (src/graph/independence.ts): a
 * deleted source's members lose a parent (their roots, and those of the
 * sources below them), and statements derived from a deleted statement lose
 * their derivation (their origin, and those of statements derived from them).
 */
function independenceAfterDeletion(plan: DeletionPlan): IndependenceTouched {
  return {
    sources: plan.relationships.filter((r) => r.type === 'AFFILIATED_WITH' && plan.kind === 'SOURCE' && r.to === plan.id).map((r) => r.from),
    statements: plan.detached.filter((d) => d.kind === 'STATEMENT' && d.field === 'derivedFrom').map((d) => d.id),
  };
}

/** What `deleteConfirmed` would remove, read in one transaction, with the token that confirms it. */
export function previewDeletion(store: GraphStore, kind: DeletableKind, id: string): Promise<DeletionPlan> {
  return store.transaction('READ', (tx) => planDeletion(tx, kind, id));
}

/**
 * Deletes a node and what goes with it, if and only if `confirm` is the token
 * of the current preview: the plan is computed again inside the write
 * transaction, so what is deleted is exactly what the client was shown.
 * Records that stay but referred to a deleted node are rewritten without the
 * reference (through the import, so their fingerprints and `updatedBy`
 * follow), then the statements and the node are deleted.
 */
export async function deleteConfirmed(store: GraphStore, kind: DeletableKind, id: string, confirm: string, options: EditOptions): Promise<DeletionPlan> {
  return store.transaction('WRITE', async (tx) => {
    const plan = await planDeletion(tx, kind, id);
    if (plan.confirm !== confirm) {
      throw new ClaimgraphError('CONFLICT', 'The graph changed since the preview; preview again.', { kind, id });
    }
    const idsOf = (k: DeletableKind) => [...new Set(plan.detached.filter((d) => d.kind === k).map((d) => d.id))];
    const doomed = plan.nodes.filter((n) => n.kind === 'STATEMENT').map((n) => n.id);
    // The statement itself, for a STATEMENT: plan.nodes starts with it.
    const gone = new Set(doomed);
    const statements = [...(await currentRecords(tx, 'statement', idsOf('STATEMENT'))).values()].map((r) => {
      const record = r as unknown as StatementRecord;
      return {
        ...asBundleRecord('statement', r),
        derivedFrom: record.derivedFrom !== null && gone.has(record.derivedFrom) ? null : record.derivedFrom,
        supersedes: record.supersedes.filter((x) => !gone.has(x)),
        // Without the deleted document's appearance, and without the deleted source or document among the intermediaries.
        // A retraction loses a deleted correction document; one by a deleted source goes with its channel.
        appearances: record.appearances
          .filter((ap) => !(kind === 'DOCUMENT' && ap.document === id))
          .map(({ retracted, ...ap }) => ({
            ...ap,
            via: ap.via
              .filter((v) => !(kind === 'SOURCE' && v.source === id))
              .map((v) => ({ ...v, document: kind === 'DOCUMENT' && v.document === id ? null : v.document })),
            ...(retracted === undefined || (kind === 'SOURCE' && retracted.by === id)
              ? {}
              : { retracted: { ...retracted, document: kind === 'DOCUMENT' && retracted.document === id ? null : retracted.document } }),
          })),
      };
    });
    const documents = [...(await currentRecords(tx, 'document', idsOf('DOCUMENT'))).values()].map((r) => ({ ...asBundleRecord('document', r), publisher: null }));
    const claims = [...(await currentRecords(tx, 'claim', idsOf('CLAIM'))).values()].map((r) => ({ ...asBundleRecord('claim', r), about: strings(r.about).filter((e) => e !== id) }));
    // Claims whose positions change: those of the statements deleted (read before they go).
    const touched = plan.relationships.filter((r) => r.type === 'ON' && gone.has(r.from)).map((r) => r.to);
    // A deleted claim's links go with it: the standings they reached, read while they still do.
    const reached = kind === 'CLAIM' ? (await standingScope(tx, [id])).filter((c) => c !== id) : [];
    if (statements.length + documents.length + claims.length > 0) {
      await importAs(tx, bundleOf({ statements, documents, claims }), options, (p) => p);
    }
    // A deleted source may have held a group of alike names together: its other spellings, read while they are linked.
    const alike = kind === 'SOURCE' ? (await tx.run('source-alike-neighbours', { ids: [id] })).flatMap((r) => strings(r.alike)) : [];
    if (doomed.length > 0) await tx.run('delete-statements', { ids: doomed });
    if (kind !== 'STATEMENT') await tx.run(DELETE_QUERY[kind], { id });
    const independence = independenceAfterDeletion(plan);
    await refreshIndependence(tx, { ...independence, alike });
    // A deleted organisation's members are no longer under it: whether they are a claim's parties may change.
    const members = [...(independence.sources ?? [])];
    const orphaned = members.length === 0 ? [] : (await tx.run('claims-by-sources', { ids: members })).map((r) => String(r.claim));
    await refreshPositions(tx, { claims: touched.filter((c) => !(kind === 'CLAIM' && c === id)), standing: [...reached, ...orphaned] });
    const { confirm: _token, ...removed } = plan;
    await logChange(tx, options, { action: 'DELETE', kind, target: id, details: removed });
    return plan;
  });
}
