/**
 * Bundle format version 1, read exactly as docs/BUNDLE.md ("Version 1 and
 * its upgrade") documents it, and upgraded to version 2 on the way in.
 *
 * A version 1 bundle is first validated as version 1: every problem is
 * reported at its version 1 path (`$.statements[3].reportedVia`), with the
 * same wording as before version 2 existed. Only then is it upgraded
 * ({@link upgradeV1}); the upgrade reports, as notes, what a user should know
 * about what it did.
 */
import { show } from '../errors';
import {
  isObj,
  keyPart,
  idFor,
  nodesOnLoops,
  problem,
  readSection,
  RecordReader,
  stronglyConnected,
  type BundleProblem,
  type IdSet,
  type Json,
  type KnownIds,
  type Obj,
} from './bundle-common';
import { isPartialDate } from './dates';
import {
  SOURCE_KINDS,
  type AffiliationRecord,
  type AppearanceRecord,
  type Audit,
  type Bundle,
  type ClaimLinkRecord,
  type ClaimRecord,
  type DocumentRecord,
  type EntityRecord,
  type SourceRecord,
  type SourceKind,
  type Stance,
  type StatementRecord,
  type ViaStep,
} from './model';

// ---------------------------------------------------------------- the format

/** Version 1's stances: HEDGES was a stance of its own (version 2: ASSERTS, hedged). There was no WITHDRAWS. */
export const V1_STANCES = ['ASSERTS', 'DENIES', 'HEDGES', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'] as const;
export type V1Stance = (typeof V1_STANCES)[number];

/** Version 1's claim links (no IMPLIES). */
export const V1_LINK_TYPES = ['CONTRADICTS', 'SUPPORTS'] as const;
export type V1LinkType = (typeof V1_LINK_TYPES)[number];

export interface V1Source {
  id: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean;
  count: number | null;
  description: string | null;
  aliases: string[];
  recorded: Audit | null;
}

export interface V1Entity {
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
  recorded: Audit | null;
}

export interface V1Document {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** Free text in version 1 ("an ISO 8601 date … as a convention; nothing checks it"). */
  publishedAt: string | null;
  note: string | null;
  recorded: Audit | null;
}

export interface V1Claim {
  id: string;
  text: string;
  about: string[];
  recorded: Audit | null;
}

export interface V1Statement {
  id: string;
  source: string;
  claim: string;
  stance: V1Stance;
  quote: string | null;
  paraphrase: string | null;
  /** Only on HEDGES. */
  hedge: string | null;
  /** The one document that reports it. */
  document: string | null;
  /** The statement that relayed this one (reported speech). */
  reportedVia: string | null;
  /** When it was said, in the document's words. */
  madeAt: string | null;
  recorded: Audit | null;
}

export interface V1Link {
  type: V1LinkType;
  from: string;
  to: string;
  linkedBy: string;
  reason: string;
  recorded: Audit | null;
}

/** A version 1 bundle as read (fields left out are null or []). */
export interface V1Bundle {
  format: 'claimgraph-bundle';
  version: 1;
  sources: V1Source[];
  affiliations: AffiliationRecord[];
  entities: V1Entity[];
  documents: V1Document[];
  claims: V1Claim[];
  statements: V1Statement[];
  links: V1Link[];
}

const V1_SECTIONS = ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'] as const;

// ---------------------------------------------------------------- reading

/** The readable key of an affiliation (it has no id), as problems name it. */
export const affiliationKey = (source: Json, parent: Json): string => `affiliation ${keyPart(source)} → ${keyPart(parent)}`;
/** The readable key of a link (it has no id), as problems name it. */
export const linkKey = (type: Json, from: Json, to: Json): string => `link ${keyPart(type)} ${keyPart(from)} → ${keyPart(to)}`;

/**
 * Reads a parsed JSON value as a version 1 bundle, collecting every problem
 * of shape and enum at its version 1 path (references: {@link checkReferencesV1}).
 * `file` names the bundle's file in a set.
 */
/**
 * Statements whose stance was refused: they are read as ASSERTS so that
 * reading goes on, but no rule may then speak of them as ASSERTS.
 */
const invalidStance = new WeakSet<V1Statement>();

export function readV1(input: Json, file?: string): { v1: V1Bundle; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const root: Obj = isObj(input) ? input : {};
  if (!isObj(input)) problems.push(problem('$', 'a JSON object (a claimgraph bundle)', show(input), undefined, file));
  const top = new RecordReader(root, '$', problems, ['format', 'version', 'description', ...V1_SECTIONS], undefined, file);
  if (root.format !== 'claimgraph-bundle') top.problem('format', '"claimgraph-bundle"', show(root.format));
  if (root.version !== 1) top.problem('version', '1', show(root.version));
  top.optionalString('description');
  const byId = (raw: Obj) => idFor(raw.id);

  const sources = readSection(root, 'sources', problems, ['id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'recorded'], byId, (r): V1Source => ({
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    kind: r.oneOf('kind', SOURCE_KINDS),
    anonymous: r.requiredBoolean('anonymous'),
    count: r.optionalCount('count'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    recorded: r.audit('recorded'),
  }), file);
  const affiliations = readSection(root, 'affiliations', problems, ['source', 'parent', 'role', 'recorded'], (raw) => () => affiliationKey(raw.source, raw.parent), (r): AffiliationRecord => ({
    source: r.requiredString('source'),
    parent: r.requiredString('parent'),
    role: r.optionalString('role'),
    recorded: r.audit('recorded'),
  }), file);
  const entities = readSection(root, 'entities', problems, ['id', 'name', 'description', 'aliases', 'recorded'], byId, (r): V1Entity => ({
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    recorded: r.audit('recorded'),
  }), file);
  const documents = readSection(root, 'documents', problems, ['id', 'title', 'publisher', 'url', 'publishedAt', 'note', 'recorded'], byId, (r): V1Document => ({
    id: r.requiredString('id'),
    title: r.requiredString('title'),
    publisher: r.optionalString('publisher'),
    url: r.optionalString('url'),
    publishedAt: r.optionalString('publishedAt'),
    note: r.optionalString('note'),
    recorded: r.audit('recorded'),
  }), file);
  const claims = readSection(root, 'claims', problems, ['id', 'text', 'about', 'recorded'], byId, (r): V1Claim => ({
    id: r.requiredString('id'),
    text: r.requiredString('text'),
    about: r.stringList('about'),
    recorded: r.audit('recorded'),
  }), file);
  const statements = readSection(
    root,
    'statements',
    problems,
    ['id', 'source', 'claim', 'stance', 'quote', 'paraphrase', 'hedge', 'document', 'reportedVia', 'madeAt', 'recorded'],
    byId,
    (r): V1Statement => {
      // Read in field order, so that problems come in the order of the fields.
      const id = r.requiredString('id');
      const source = r.requiredString('source');
      const claim = r.requiredString('claim');
      const stance = r.oneOfOrNull('stance', V1_STANCES);
      const statement: V1Statement = {
        id,
        source,
        claim,
        stance: stance ?? 'ASSERTS',
        quote: r.optionalString('quote'),
        paraphrase: r.optionalString('paraphrase'),
        hedge: r.optionalString('hedge'),
        document: r.optionalString('document'),
        reportedVia: r.optionalString('reportedVia'),
        madeAt: r.optionalString('madeAt'),
        recorded: r.audit('recorded'),
      };
      if (stance === null) invalidStance.add(statement);
      return statement;
    },
    file,
  );
  const links = readSection(root, 'links', problems, ['type', 'from', 'to', 'linkedBy', 'reason', 'recorded'], (raw) => () => linkKey(raw.type, raw.from, raw.to), (r): V1Link => ({
    type: r.oneOf('type', V1_LINK_TYPES),
    from: r.requiredString('from'),
    to: r.requiredString('to'),
    linkedBy: r.requiredString('linkedBy'),
    reason: r.requiredString('reason'),
    recorded: r.audit('recorded'),
  }), file);

  return { v1: { format: 'claimgraph-bundle', version: 1, sources, affiliations, entities, documents, claims, statements, links }, problems: problems.map(hintVersion2) };
}

/**
 * The fields and sections that only version 2 has, by section (`$` for the top level). A coder who
 * follows today's BUNDLE.md in a file marked version 1 meets them; the problem says so (F43).
 */
const VERSION_2_ONLY: Readonly<Record<string, readonly string[]>> = {
  $: ['questions', 'ratings', 'assessments', 'changes'],
  sources: ['entity', 'formerIds'],
  entities: ['formerIds'],
  documents: ['text', 'formerIds'],
  claims: ['formerIds'],
  statements: ['date', 'appearances', 'hedged', 'derivedFrom', 'supersedes', 'formerIds'],
};
const VERSION_2_HINT = 'version 2 has it: write the file as version 2 ("version": 2; docs/BUNDLE.md), or leave it out';

/** A version 1 problem whose field, stance or link type version 2 would accept, with a hint saying so. */
function hintVersion2(p: BundleProblem): BundleProblem {
  const field = /^\$(?:\.(\w+)\[\d+\])?\.(\w+)$/.exec(p.path);
  const section = field?.[1] ?? '$';
  const name = field?.[2] ?? '';
  const hinted = (hint: string): BundleProblem => ({ ...p, expected: `${p.expected} (${hint})` });
  if (p.got === `unknown field ${show(name)}` && VERSION_2_ONLY[section]?.includes(name)) return hinted(`${show(name)}: ${VERSION_2_HINT}`);
  if (section === 'statements' && name === 'stance' && p.got === show('DOUBTS')) return hinted(`DOUBTS: ${VERSION_2_HINT}; in version 1 a doubt can only be a firm DENIES`);
  if (section === 'links' && name === 'type' && p.got === show('IMPLIES')) return hinted(`IMPLIES: ${VERSION_2_HINT}; version 1's nearest is SUPPORTS, which counts nothing`);
  return p;
}

/**
 * Version 1's checks across records, each reported at its version 1 path and
 * appended to `problems`: duplicate ids, references to ids neither in the
 * bundle nor in `known`, self-references, affiliation cycles, relay loops,
 * and hedging words on a statement that is not HEDGES.
 */
export function checkReferencesV1(b: V1Bundle, known: KnownIds, problems: BundleProblem[], file?: string): void {
  const push = (path: string, expected: string, got: string, id: string | undefined) => problems.push(problem(path, expected, got, id, file));
  /** The ids a reference of `section` may name: the bundle's own and those known to be in the graph. */
  const idsOf = (section: 'sources' | 'entities' | 'documents' | 'claims' | 'statements', list: { id: string }[]): IdSet => {
    const seen = new Set<string>();
    list.forEach((rec, i) => {
      if (rec.id === '') return;
      if (seen.has(rec.id)) push(`$.${section}[${i}].id`, `an id not used before in ${section}`, `duplicate id ${show(rec.id)}`, rec.id);
      seen.add(rec.id);
    });
    const inGraph = known[section];
    return { has: (id) => seen.has(id) || (inGraph?.has(id) ?? false) };
  };
  const sourceIds = idsOf('sources', b.sources);
  const entityIds = idsOf('entities', b.entities);
  const documentIds = idsOf('documents', b.documents);
  const claimIds = idsOf('claims', b.claims);
  const statementIds = idsOf('statements', b.statements);

  const ref = (path: string, id: string | null, ids: IdSet, what: string, recordId: string | undefined): void => {
    if (id !== null && id !== '' && !ids.has(id)) push(path, `the id of ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in the bundle or the graph`, `unknown ${what} id ${show(id)}`, recordId);
  };
  const sid = (id: string) => (id === '' ? undefined : id);
  b.affiliations.forEach((a, i) => {
    const key = affiliationKey(a.source, a.parent);
    ref(`$.affiliations[${i}].source`, a.source, sourceIds, 'source', key);
    ref(`$.affiliations[${i}].parent`, a.parent, sourceIds, 'source', key);
    if (a.source !== '' && a.source === a.parent) push(`$.affiliations[${i}].parent`, 'a source other than the member', show(a.parent), key);
  });
  // Affiliations form a hierarchy: a source cannot, through its parents, be its own parent.
  const component = stronglyConnected(b.affiliations.map((a) => [a.source, a.parent]));
  b.affiliations.forEach((a, i) => {
    if (a.source !== a.parent && component.get(a.source) === component.get(a.parent)) {
      push(`$.affiliations[${i}]`, 'affiliations without a cycle', `${show(a.source)} is, through ${show(a.parent)}, affiliated with itself`, affiliationKey(a.source, a.parent));
    }
  });
  // Reported speech is a chain from the speaker to the document: it cannot loop back.
  const via = new Map(b.statements.map((s) => [s.id, s.reportedVia]));
  const onLoop = nodesOnLoops(via.keys(), (id) => {
    const next = via.get(id);
    return next !== null && next !== undefined && via.has(next) ? next : undefined;
  });
  b.statements.forEach((s, i) => {
    if (onLoop.has(s.id) && s.reportedVia !== s.id) push(`$.statements[${i}].reportedVia`, 'a chain of relays that ends', `a loop back to ${show(s.id)}`, sid(s.id));
  });
  b.documents.forEach((d, i) => ref(`$.documents[${i}].publisher`, d.publisher, sourceIds, 'source', sid(d.id)));
  b.claims.forEach((c, i) => c.about.forEach((e, j) => ref(`$.claims[${i}].about[${j}]`, e, entityIds, 'entity', sid(c.id))));
  b.statements.forEach((s, i) => {
    const id = sid(s.id);
    ref(`$.statements[${i}].source`, s.source, sourceIds, 'source', id);
    ref(`$.statements[${i}].claim`, s.claim, claimIds, 'claim', id);
    ref(`$.statements[${i}].document`, s.document, documentIds, 'document', id);
    ref(`$.statements[${i}].reportedVia`, s.reportedVia, statementIds, 'statement', id);
    if (s.reportedVia !== null && s.reportedVia === s.id) push(`$.statements[${i}].reportedVia`, 'another statement', `the statement itself (${show(s.id)})`, id);
    if (s.hedge !== null && s.stance !== 'HEDGES' && !invalidStance.has(s)) {
      const doubt = s.stance === 'DENIES' ? ` (a hedged DENIES, a doubt: ${VERSION_2_HINT})` : '';
      push(`$.statements[${i}].hedge`, `hedging words only on a HEDGES statement${doubt}`, `${show(s.hedge)} on ${s.stance}`, id);
    }
  });
  b.links.forEach((l, i) => {
    const key = linkKey(l.type, l.from, l.to);
    ref(`$.links[${i}].from`, l.from, claimIds, 'claim', key);
    ref(`$.links[${i}].to`, l.to, claimIds, 'claim', key);
    if (l.from !== '' && l.from === l.to) push(`$.links[${i}].to`, 'a claim other than `from`', show(l.to), key);
  });
}

// ---------------------------------------------------------------- the upgrade

/**
 * The version 1 statements an upgrade may look up beyond its own bundle:
 * every statement of a set of version 1 bundles, by id, and by the statement
 * that relays them. A relay chain may cross files of a set.
 */
export interface V1Statements {
  byId: ReadonlyMap<string, V1Statement>;
  /** For each relaying statement's id, the statements whose `reportedVia` names it. */
  relayedBy: ReadonlyMap<string, readonly V1Statement[]>;
}

/** The lookup of {@link V1Statements} over the statements of `bundles` (the first of two equal ids wins). */
export function v1Statements(bundles: readonly V1Bundle[]): V1Statements {
  const byId = new Map<string, V1Statement>();
  const relayedBy = new Map<string, V1Statement[]>();
  for (const b of bundles) {
    for (const s of b.statements) {
      if (s.id === '') continue;
      if (!byId.has(s.id)) byId.set(s.id, s);
      if (s.reportedVia !== null) {
        const list = relayedBy.get(s.reportedVia);
        if (list === undefined) relayedBy.set(s.reportedVia, [s]);
        else list.push(s);
      }
    }
  }
  return { byId, relayedBy };
}

/**
 * Where each upgraded statement came from, so that a problem found in the
 * upgraded bundle can be reported at its version 1 path.
 */
export interface V1StatementTrace {
  /** The version 1 index of the statement whose id the upgraded statement keeps. */
  index: number;
  /** For each formerId, the version 1 index of the copy that had it. */
  formerIds: number[];
  /** For each appearance, the version 1 index of the statement it came from. */
  appearances: number[];
}

/**
 * The trace of every upgraded statement, compact (a bundle may hold a
 * million statements, nearly all without copies): the version 1 index of
 * each, and the details only of those that merged copies.
 */
export interface V1Trace {
  index: Int32Array;
  merged: Map<number, V1StatementTrace>;
}

/** The trace of upgraded statement `k`; undefined past the end. */
export function statementTrace(trace: V1Trace, k: number): V1StatementTrace | undefined {
  if (k < 0 || k >= trace.index.length) return undefined;
  const merged = trace.merged.get(k);
  if (merged !== undefined) return merged;
  const index = trace.index[k] as number;
  // A statement without copies: its one appearance, if any, is its own.
  return { index, formerIds: [], appearances: [index] };
}

export interface UpgradeOptions {
  /** Statements beyond the bundle's own that relay chains may run through (the other version 1 files of a set). */
  statements?: V1Statements;
  /** The file, named in the notes. */
  file?: string;
}

/** What an upgrade gives: the version 2 bundle and what a user should know about how it was made. */
export interface Upgraded {
  bundle: Bundle;
  notes: string[];
}

/**
 * Upgrades a version 1 bundle to version 2 (docs/BUNDLE.md, "Version 1 and
 * its upgrade"). Pure and deterministic: the same bundle always gives the
 * same result. It expects a bundle that {@link readV1} and
 * {@link checkReferencesV1} found valid, but never throws on one that is
 * not (dangling references and loops are carried over or left out).
 */
export function upgradeV1(v1: V1Bundle, options: UpgradeOptions = {}): Upgraded {
  const { bundle, notes } = upgradeV1Traced(v1, options);
  return { bundle, notes };
}

/** {@link upgradeV1}, with the trace of each upgraded statement back to version 1. */
export function upgradeV1Traced(v1: V1Bundle, options: UpgradeOptions = {}): Upgraded & { trace: V1Trace } {
  const notes: string[] = [];
  // A single bundle read as a set of one has the file name '': no file to name.
  const where = (section: string, i: number, id: string) => `$.${section}[${i}]${id === '' ? '' : ` (id ${show(id)})`}${options.file === undefined || options.file === '' ? '' : ` in ${options.file}`}`;
  const note = (section: string, i: number, id: string, text: string) => notes.push(`${where(section, i, id)}: ${text}`);

  // Sources, entities, claims, affiliations and links keep every field; the
  // records gain `formerIds` (none yet).
  const sources = v1.sources.map((s): SourceRecord => ({ ...s, formerIds: [] }));
  const affiliations = v1.affiliations.map((a): AffiliationRecord => ({ ...a }));
  const entities = v1.entities.map((e): EntityRecord => ({ ...e, formerIds: [] }));
  const claims = v1.claims.map((c): ClaimRecord => ({ ...c, formerIds: [] }));
  const links = v1.links.map((l): ClaimLinkRecord => ({ ...l }));

  // Rule: a `publishedAt` that is not an ISO 8601 partial date cannot place
  // the document in time; it moves into the note as "Published (as given): …"
  // and `publishedAt` becomes null.
  const documents = v1.documents.map((d, i): DocumentRecord => {
    let { publishedAt, note: docNote } = d;
    if (publishedAt !== null && !isPartialDate(publishedAt)) {
      const moved = `Published (as given): ${publishedAt}`;
      docNote = docNote === null ? moved : `${docNote}\n${moved}`;
      note('documents', i, d.id, `publishedAt ${show(publishedAt)} is not an ISO 8601 date; it is moved into the note ("${moved}") and the document has no publishedAt.`);
      publishedAt = null;
    }
    return { id: d.id, title: d.title, publisher: d.publisher, url: d.url, publishedAt, note: docNote, text: null, formerIds: [], recorded: d.recorded };
  });

  const lookup = options.statements ?? v1Statements([v1]);
  const own = v1.statements;

  // Rule: a relayed statement's appearance is in its own document; when it
  // has none, in the first document met along its relay chain (the relay
  // that printed it). Memoised, so that every chain is walked once.
  const firstDocumentMemo = new Map<string, string | null>();
  const firstDocument = (start: string): string | null => {
    const walked: string[] = [];
    const onWalk = new Set<string>();
    let result: string | null = null;
    for (let id: string | null = start; id !== null; ) {
      const memo = firstDocumentMemo.get(id);
      if (memo !== undefined) {
        result = memo;
        break;
      }
      const s = lookup.byId.get(id);
      if (s === undefined || onWalk.has(id)) break;
      if (s.document !== null) {
        result = s.document;
        break;
      }
      walked.push(id);
      onWalk.add(id);
      id = s.reportedVia;
    }
    for (const id of walked) firstDocumentMemo.set(id, result);
    return result;
  };

  // Step 1: each version 1 statement on its own (copies are merged in step 3):
  // its appearance and its derivation, in two lists (no object per statement).
  const appearanceOf: (AppearanceRecord | null)[] = new Array<AppearanceRecord | null>(own.length);
  const derivationOf: (string | null)[] = new Array<string | null>(own.length);
  own.forEach((s, i) => {
    // Rule: a statement's quote, paraphrase and document become one
    // appearance in that document; without a document (and none along its
    // relay chain) the words stay on the statement.
    const document = s.document ?? (s.reportedVia === null ? null : firstDocument(s.reportedVia));
    let appearance: AppearanceRecord | null = null;
    if (document !== null) {
      // Rule: the relay chain becomes the appearance's `via`, outermost first:
      // the relay that the document cites directly comes first, the one that
      // heard the speaker last. A relay whose own statement was reported in
      // another document is a step {source, document}.
      const steps: ViaStep[] = [];
      const seen = s.reportedVia === null ? null : new Set<string>();
      for (let id = s.reportedVia; id !== null && seen !== null && !seen.has(id); ) {
        seen.add(id);
        const relay = lookup.byId.get(id);
        if (relay === undefined) {
          note('statements', i, s.id, `its relay ${show(id)} is not in this bundle${options.statements === undefined ? '' : ' or set'}, so the chain of intermediaries from there on is not kept in \`via\`.`);
          break;
        }
        steps.push({ source: relay.source, document: relay.document !== null && relay.document !== document ? relay.document : null });
        id = relay.reportedVia;
      }
      steps.reverse();
      appearance = { document, quote: s.quote, paraphrase: s.paraphrase, via: steps, selector: null };
    } else if (s.reportedVia !== null) {
      note('statements', i, s.id, `neither it nor its relay chain names a document, so its relay ${show(s.reportedVia)} is not kept (an intermediary is recorded only on an appearance in a document).`);
    }

    // Rule: a relaying statement R is derived from the statement S it relays
    // when S is on R's claim and R relays, on that claim, statements of one
    // source only (version 1 counted them as one: "X noted Y's designation").
    // Otherwise R stays its own statement: a newspaper quoting two people is
    // a channel, not a speaker, and does not make them one source.
    let derivedFrom: string | null = null;
    const relayed = s.id === '' ? undefined : lookup.relayedBy.get(s.id);
    if (relayed !== undefined && relayed.length > 0) {
      const onClaim = relayed.filter((r) => r.claim === s.claim);
      const speakers = [...new Set(onClaim.map((r) => r.source))].sort();
      if (speakers.length === 1) {
        derivedFrom = onClaim.map((r) => r.id).sort(byCodeUnit)[0] ?? null;
      } else if (speakers.length === 0) {
        const others = relayed.map((r) => show(r.id)).join(', ');
        note('statements', i, s.id, `it relays ${others}, on another claim: it stays its own statement, and what it relays appears via its source (as in version 1, the two sources are counted apart).`);
      } else {
        note(
          'statements',
          i,
          s.id,
          `it relays, on its own claim, statements of ${speakers.length} sources (${speakers.map((x) => show(x)).join(', ')}): it stays its own statement, derived from none of them, and they count as independent of each other (version 1 counted them as one cluster).`,
        );
      }
    }
    appearanceOf[i] = appearance;
    derivationOf[i] = derivedFrom;
  });

  // Step 2: copies. Statements of one source on one claim with the same
  // polarity (ASSERTS and HEDGES are one, DENIES another, each silence its
  // own) and the same non-null quote, or the same non-null madeAt, are one
  // act of saying printed more than once. Transitively (union-find): a copy
  // of a copy is a copy.
  const parent = own.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const firstWithKey = new Map<string, number>();
  const join = (key: string, i: number) => {
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, i);
    else {
      const a = find(first);
      const b = find(i);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  };
  own.forEach((s, i) => {
    if (s.id === '') return;
    const base = `${s.source}\u0000${s.claim}\u0000${polarity(s.stance)}`;
    if (s.quote !== null) join(`${base}\u0000q\u0000${s.quote}`, i);
    if (s.madeAt !== null) join(`${base}\u0000m\u0000${s.madeAt}`, i);
  });
  // Union-find joins to the smaller index, so the root of a group is its
  // first statement in the bundle. Only groups of two or more are listed:
  // most statements have no copy, and take the short way below.
  const groups = new Map<number, number[]>();
  own.forEach((_, i) => {
    const root = find(i);
    if (root === i) return;
    const list = groups.get(root);
    if (list === undefined) groups.set(root, [root, i]);
    else list.push(i);
  });
  /** The id each version 1 statement id of a group now has (the smallest id of its copies). */
  const survivorOf = new Map<string, string>();
  for (const members of groups.values()) {
    members.sort((a, b) => byCodeUnit((own[a] as V1Statement).id, (own[b] as V1Statement).id) || a - b);
    const survivor = (own[members[0] as number] as V1Statement).id;
    for (const m of members) {
      const id = (own[m] as V1Statement).id;
      if (id !== '' && !survivorOf.has(id)) survivorOf.set(id, survivor);
    }
  }

  // Step 3: one version 2 statement per group, at the place of the group's
  // first statement in the bundle. Each group is sorted by id (step 2), so
  // its first member is the survivor: the smallest id.
  const statements: StatementRecord[] = [];
  const traceIndex = new Int32Array(own.length);
  const merged = new Map<number, V1StatementTrace>();
  for (let i = 0; i < own.length; i++) {
    if (find(i) !== i) continue;
    const members = groups.get(i);
    if (members === undefined) {
      // A statement without copies: its own fields, as the rules below give them for a group of one.
      const s = own[i] as V1Statement;
      const appearance = appearanceOf[i] ?? null;
      const derivation = derivationOf[i] ?? null;
      const derivedFrom = derivation === null ? null : (survivorOf.get(derivation) ?? derivation);
      statements.push({
        id: s.id,
        source: s.source,
        claim: s.claim,
        stance: s.stance === 'HEDGES' ? 'ASSERTS' : s.stance,
        hedged: s.stance === 'HEDGES',
        hedge: s.hedge,
        date: s.madeAt !== null && isPartialDate(s.madeAt) ? s.madeAt : null,
        madeAt: s.madeAt,
        quote: appearance === null ? s.quote : null,
        paraphrase: appearance === null ? s.paraphrase : null,
        appearances: appearance === null ? [] : [appearance],
        derivedFrom: derivedFrom === s.id ? null : derivedFrom,
        supersedes: [],
        formerIds: [],
        recorded: s.recorded,
      });
      traceIndex[statements.length - 1] = i;
      continue;
    }
    const survivorIndex = members[0] as number;
    const survivor = own[survivorIndex] as V1Statement;
    const copies = members.map((m) => own[m] as V1Statement);
    const lost: string[] = [];
    /** The first non-null value among the copies (smallest id first), noting every other value that is dropped. */
    const firstOf = (what: string, values: (string | null)[]): string | null => {
      const given = values.filter((v): v is string => v !== null);
      const kept = given[0] ?? null;
      const dropped = [...new Set(given)].filter((v) => v !== kept);
      if (dropped.length > 0) lost.push(`${what} ${dropped.map((v) => show(v)).join(', ')} (kept ${show(kept)})`);
      return kept;
    };
    // Rule: HEDGES is ASSERTS, hedged, with its hedging words. A merged
    // statement is hedged when any copy was: an outlet that drops "we
    // believe" does not turn a hedge into an assertion.
    const stance: Stance = survivor.stance === 'HEDGES' ? 'ASSERTS' : survivor.stance;
    const hedgedCopies = copies.filter((c) => c.stance === 'HEDGES');
    const hedged = hedgedCopies.length > 0;
    const hedge = firstOf('hedging words', copies.map((c) => c.hedge));
    // Rule: madeAt stays the document's words; when it is itself an ISO 8601
    // partial date it is also the statement's `date`.
    // (A copy's ISO madeAt that becomes the date is not lost when another copy's words are kept.)
    const date = copies.map((c) => c.madeAt).find((m): m is string => m !== null && isPartialDate(m)) ?? null;
    const firstMadeAt = copies.find((c) => c.madeAt !== null)?.madeAt ?? null;
    const madeAt = firstOf('madeAt', copies.map((c) => (c.madeAt === date && date !== firstMadeAt ? null : c.madeAt)));
    // Rule: the words of a copy printed in no document stay on the statement.
    const quote = firstOf('quote', members.map((m, k) => ((appearanceOf[m] ?? null) === null ? (copies[k] as V1Statement).quote : null)));
    const paraphrase = firstOf('paraphrase', members.map((m, k) => ((appearanceOf[m] ?? null) === null ? (copies[k] as V1Statement).paraphrase : null)));
    // Rule: the appearances of the copies are united, one per document; two
    // copies in one document give one appearance with the first words given.
    const appearances: AppearanceRecord[] = [];
    const appearanceFrom: number[] = [];
    const inDocument = new Map<string, AppearanceRecord>();
    for (const m of members) {
      const a = appearanceOf[m];
      if (a === null || a === undefined) continue;
      const same = inDocument.get(a.document);
      if (same === undefined) {
        inDocument.set(a.document, a);
        appearances.push(a);
        appearanceFrom.push(m);
        continue;
      }
      if (same.quote === null) same.quote = a.quote;
      else if (a.quote !== null && a.quote !== same.quote) lost.push(`quote ${show(a.quote)} in ${show(a.document)}`);
      if (same.paraphrase === null) same.paraphrase = a.paraphrase;
      else if (a.paraphrase !== null && a.paraphrase !== same.paraphrase) lost.push(`paraphrase ${show(a.paraphrase)} in ${show(a.document)}`);
      if (same.via.length === 0) same.via = a.via;
    }
    // Derivation: what the copies were derived from, under the id it now has;
    // a statement merged with what it relayed is derived from nothing.
    let derivedFrom = firstOf('derivedFrom', members.map((m) => derivationOf[m] ?? null).map((d) => (d === null ? null : (survivorOf.get(d) ?? d))));
    if (derivedFrom === survivor.id) derivedFrom = null;
    // Rule: the other ids of the copies become formerIds, in id order.
    const formerIds: string[] = [];
    const formerFrom: number[] = [];
    const listed = new Set<string>([survivor.id, '']);
    for (const m of members) {
      const id = (own[m] as V1Statement).id;
      if (listed.has(id)) continue;
      listed.add(id);
      formerIds.push(id);
      formerFrom.push(m);
    }
    statements.push({
      id: survivor.id,
      source: survivor.source,
      claim: survivor.claim,
      stance,
      hedged,
      hedge,
      date,
      madeAt,
      quote,
      paraphrase,
      appearances,
      derivedFrom,
      supersedes: [],
      formerIds,
      recorded: survivor.recorded,
    });
    traceIndex[statements.length - 1] = survivorIndex;
    merged.set(statements.length - 1, { index: survivorIndex, formerIds: formerFrom, appearances: appearanceFrom });
    if (formerIds.length > 0) {
      const count = (values: (string | null)[]) => {
        const seen = new Map<string, number>();
        for (const v of values) if (v !== null) seen.set(v, (seen.get(v) ?? 0) + 1);
        return [...seen.values()].some((n) => n > 1);
      };
      const why = [count(copies.map((c) => c.quote)) ? 'quote' : null, count(copies.map((c) => c.madeAt)) ? 'madeAt' : null].filter((x) => x !== null).join(' or ');
      const lossy = hedged && hedgedCopies.length < copies.length;
      note(
        'statements',
        survivorIndex,
        survivor.id,
        `${formerIds.map((x) => show(x)).join(', ')} ${formerIds.length === 1 ? 'is a copy' : 'are copies'} of it (same source, claim and position, same ${why}): ` +
          `merged into one statement, with ${formerIds.length === 1 ? 'that id' : 'those ids'} as formerIds and ${appearances.length} appearance(s).` +
          (lossy ? ` ${hedgedCopies.map((c) => show(c.id)).join(', ')} hedged${hedge === null ? '' : ` (${show(hedge)})`}, so the statement is hedged.` : '') +
          (lost.length > 0 ? ` Dropped: ${lost.join('; ')}.` : ''),
      );
    }
  }

  // A derivation that closes a loop (possible only when copies were merged,
  // or in a bundle whose relays loop) is dropped: a statement cannot come
  // from itself. Only statements with a derivation can be on such a loop.
  const derivedAt = new Map<string, number>();
  statements.forEach((s, k) => {
    if (s.derivedFrom !== null && !derivedAt.has(s.id)) derivedAt.set(s.id, k);
  });
  const onLoop = nodesOnLoops(derivedAt.keys(), (id) => {
    const from = statements[derivedAt.get(id) as number]?.derivedFrom ?? null;
    return from !== null && derivedAt.has(from) ? from : undefined;
  });
  statements.forEach((s, k) => {
    if (!onLoop.has(s.id)) return;
    note('statements', traceIndex[k] as number, s.id, `its derivation from ${show(s.derivedFrom)} would close a loop of derivations, so it is not derived from anything.`);
    s.derivedFrom = null;
  });

  return {
    bundle: { format: 'claimgraph-bundle', version: 2, sources, affiliations, entities, documents, claims, statements, links, questions: [], ratings: [], assessments: [], changes: [] },
    notes,
    trace: { index: traceIndex.slice(0, statements.length), merged },
  };
}

/** ASSERTS and HEDGES say the claim is true; DENIES that it is false; each silence is its own. */
const polarity = (stance: V1Stance): string => (stance === 'HEDGES' ? 'ASSERTS' : stance);

/** JavaScript's default string order (UTF-16 code units), as the spec orders ids. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a parsed JSON value says it is a version 1 bundle. */
export const isV1 = (input: Json): boolean => isObj(input) && input.version === 1;
