import { badInput, show } from '../errors';
import {
  CLAIM_LINK_TYPES,
  type Audit,
  SOURCE_KINDS,
  STANCES,
  type AffiliationRecord,
  type Bundle,
  type ClaimLinkRecord,
  type ClaimRecord,
  type DocumentRecord,
  type EntityRecord,
  type SourceRecord,
  type StatementRecord,
} from './model';

/** One thing wrong with a bundle, where it is, what was expected and what came. */
export interface BundleProblem {
  /** JSONPath of the offending value, e.g. `$.statements[3].stance`. */
  path: string;
  expected: string;
  got: string;
}

type Json = unknown;
type Obj = Record<string, Json>;

/** An unpaired UTF-16 surrogate (a paired one makes a code point, which \p{Cs} does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one record's fields, collecting problems instead of stopping at the
 * first, so an editor fixes a bundle in one pass.
 */
class RecordReader {
  constructor(
    private readonly obj: Obj,
    private readonly path: string,
    private readonly problems: BundleProblem[],
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(key, `one of the fields ${allowed.join(', ')}`, `unknown field ${show(key)}`);
    }
  }

  problem(field: string, expected: string, got: string): void {
    this.problems.push({ path: `${this.path}.${field}`, expected, got });
  }

  /** A string the engines can store as it came: one with an unpaired surrogate would come back with U+FFFD in its place. */
  private wellFormed(field: string, v: string): string {
    if (LONE_SURROGATE.test(v)) this.problem(field, 'well-formed Unicode text (no unpaired surrogate)', show(v));
    return v;
  }

  requiredString(field: string): string {
    const v = this.obj[field];
    if (typeof v === 'string' && v.trim() !== '') return this.wellFormed(field, v);
    this.problem(field, 'a non-empty string', v === undefined ? 'nothing' : show(v));
    return '';
  }

  optionalString(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && v.trim() !== '') return this.wellFormed(field, v);
    this.problem(field, 'a non-empty string or null', show(v));
    return null;
  }

  optionalCount(field: string): number | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    this.problem(field, 'a positive integer or null', show(v));
    return null;
  }

  requiredBoolean(field: string): boolean {
    const v = this.obj[field];
    if (typeof v === 'boolean') return v;
    this.problem(field, 'true or false', v === undefined ? 'nothing' : show(v));
    return false;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const v = this.obj[field];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.problem(field, `one of ${values.join(', ')}`, v === undefined ? 'nothing' : show(v));
    return values[0] as T;
  }

  /** The optional `recorded` audit object: four non-empty strings, the two times ISO 8601. */
  audit(field: string): Audit | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    const o = isObj(v) ? v : {};
    const keys = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;
    const ok =
      isObj(v) &&
      Object.keys(v).every((k) => (keys as readonly string[]).includes(k)) &&
      keys.every((k) => typeof o[k] === 'string' && (o[k] as string).trim() !== '') &&
      !Number.isNaN(Date.parse(o.createdAt as string)) &&
      !Number.isNaN(Date.parse(o.updatedAt as string));
    if (ok) return { createdAt: o.createdAt as string, createdBy: o.createdBy as string, updatedAt: o.updatedAt as string, updatedBy: o.updatedBy as string };
    this.problem(field, 'null or {createdAt, createdBy, updatedAt, updatedBy}, the times in ISO 8601', show(v));
    return null;
  }

  stringList(field: string): string[] {
    const v = this.obj[field];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '')) return (v as string[]).map((x, i) => this.wellFormed(`${field}[${i}]`, x));
    this.problem(field, 'a list of non-empty strings', show(v));
    return [];
  }
}

const SECTIONS = ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links'] as const;

function readSection<T>(
  root: Obj,
  section: (typeof SECTIONS)[number],
  problems: BundleProblem[],
  allowed: readonly string[],
  read: (r: RecordReader) => T,
): T[] {
  const list = root[section];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push({ path: `$.${section}`, expected: 'a list', got: show(list) });
    return [];
  }
  const out: T[] = [];
  list.forEach((item: Json, i) => {
    const path = `$.${section}[${i}]`;
    if (!isObj(item)) {
      problems.push({ path, expected: 'an object', got: show(item) });
      return;
    }
    out.push(read(new RecordReader(item, path, problems, allowed)));
  });
  return out;
}

interface IdSet {
  has(id: string): boolean;
}

/** Ids that records may reference but that live in the graph already rather than in the bundle. */
export interface KnownIds {
  sources?: IdSet;
  entities?: IdSet;
  documents?: IdSet;
  claims?: IdSet;
  statements?: IdSet;
}

/**
 * Reads a parsed JSON value as a bundle, collecting every problem of shape and
 * enum (references are not checked: see {@link checkReferences}).
 */
export function checkShapes(input: Json): { bundle: Bundle; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const root: Obj = isObj(input) ? input : {};
  if (!isObj(input)) problems.push({ path: '$', expected: 'a JSON object (a claimgraph bundle)', got: show(input) });
  const top = new RecordReader(root, '$', problems, ['format', 'version', 'description', ...SECTIONS]);
  if (root.format !== 'claimgraph-bundle') top.problem('format', '"claimgraph-bundle"', show(root.format));
  if (root.version !== 1) top.problem('version', '1', show(root.version));
  top.optionalString('description');

  const sources = readSection(root, 'sources', problems, ['id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'recorded'], (r): SourceRecord => ({
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    kind: r.oneOf('kind', SOURCE_KINDS),
    anonymous: r.requiredBoolean('anonymous'),
    count: r.optionalCount('count'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    recorded: r.audit('recorded'),
  }));
  const affiliations = readSection(root, 'affiliations', problems, ['source', 'parent', 'role', 'recorded'], (r): AffiliationRecord => ({
    source: r.requiredString('source'),
    parent: r.requiredString('parent'),
    role: r.optionalString('role'),
    recorded: r.audit('recorded'),
  }));
  const entities = readSection(root, 'entities', problems, ['id', 'name', 'description', 'aliases', 'recorded'], (r): EntityRecord => ({
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    recorded: r.audit('recorded'),
  }));
  const documents = readSection(root, 'documents', problems, ['id', 'title', 'publisher', 'url', 'publishedAt', 'note', 'recorded'], (r): DocumentRecord => ({
    id: r.requiredString('id'),
    title: r.requiredString('title'),
    publisher: r.optionalString('publisher'),
    url: r.optionalString('url'),
    publishedAt: r.optionalString('publishedAt'),
    note: r.optionalString('note'),
    recorded: r.audit('recorded'),
  }));
  const claims = readSection(root, 'claims', problems, ['id', 'text', 'about', 'recorded'], (r): ClaimRecord => ({
    id: r.requiredString('id'),
    text: r.requiredString('text'),
    about: r.stringList('about'),
    recorded: r.audit('recorded'),
  }));
  const statements = readSection(
    root,
    'statements',
    problems,
    ['id', 'source', 'claim', 'stance', 'quote', 'paraphrase', 'hedge', 'document', 'reportedVia', 'madeAt', 'recorded'],
    (r): StatementRecord => ({
      id: r.requiredString('id'),
      source: r.requiredString('source'),
      claim: r.requiredString('claim'),
      stance: r.oneOf('stance', STANCES),
      quote: r.optionalString('quote'),
      paraphrase: r.optionalString('paraphrase'),
      hedge: r.optionalString('hedge'),
      document: r.optionalString('document'),
      reportedVia: r.optionalString('reportedVia'),
      madeAt: r.optionalString('madeAt'),
      recorded: r.audit('recorded'),
    }),
  );
  const links = readSection(root, 'links', problems, ['type', 'from', 'to', 'linkedBy', 'reason', 'recorded'], (r): ClaimLinkRecord => ({
    type: r.oneOf('type', CLAIM_LINK_TYPES),
    from: r.requiredString('from'),
    to: r.requiredString('to'),
    linkedBy: r.requiredString('linkedBy'),
    reason: r.requiredString('reason'),
    recorded: r.audit('recorded'),
  }));

  const bundle: Bundle = { format: 'claimgraph-bundle', version: 1, sources, affiliations, entities, documents, claims, statements, links };
  return { bundle, problems };
}

/**
 * Checks a parsed JSON value against the bundle format (docs/BUNDLE.md) and
 * returns every problem found, with its path: shapes, enums, duplicate ids and
 * references to ids that are neither in the bundle nor in `known`.
 */
export function checkBundle(input: Json, known: KnownIds = {}): { bundle: Bundle; problems: BundleProblem[] } {
  const { bundle, problems } = checkShapes(input);
  checkReferences(bundle, known, problems);
  return { bundle, problems };
}

/**
 * Duplicate ids, dangling references (to ids neither in the bundle nor in
 * `known`) and self-references, each reported at its path, appended to
 * `problems`. With {@link checkShapes} it makes {@link checkBundle}, split so
 * that an import reads the records once, asks the graph which referenced ids
 * it holds, and only then checks the references.
 */
export function checkReferences(b: Bundle, known: KnownIds, problems: BundleProblem[]): void {
  /** The ids a reference of `section` may name: the bundle's own and those known to be in the graph. */
  const idsOf = (section: 'sources' | 'entities' | 'documents' | 'claims' | 'statements', list: { id: string }[]): IdSet => {
    const seen = new Set<string>();
    list.forEach((rec, i) => {
      if (rec.id === '') return;
      if (seen.has(rec.id)) problems.push({ path: `$.${section}[${i}].id`, expected: `an id not used before in ${section}`, got: `duplicate id ${show(rec.id)}` });
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

  const ref = (path: string, id: string | null, ids: IdSet, what: string): void => {
    if (id !== null && id !== '' && !ids.has(id)) {
      problems.push({ path, expected: `the id of a ${what} in the bundle or the graph`, got: `unknown ${what} id ${show(id)}` });
    }
  };
  b.affiliations.forEach((a, i) => {
    ref(`$.affiliations[${i}].source`, a.source, sourceIds, 'source');
    ref(`$.affiliations[${i}].parent`, a.parent, sourceIds, 'source');
    if (a.source !== '' && a.source === a.parent) {
      problems.push({ path: `$.affiliations[${i}].parent`, expected: 'a source other than the member', got: show(a.parent) });
    }
  });
  checkAffiliationCycles(b, problems);
  checkRelayCycles(b, problems);
  b.documents.forEach((d, i) => ref(`$.documents[${i}].publisher`, d.publisher, sourceIds, 'source'));
  b.claims.forEach((c, i) => c.about.forEach((e, j) => ref(`$.claims[${i}].about[${j}]`, e, entityIds, 'entity')));
  b.statements.forEach((s, i) => {
    ref(`$.statements[${i}].source`, s.source, sourceIds, 'source');
    ref(`$.statements[${i}].claim`, s.claim, claimIds, 'claim');
    ref(`$.statements[${i}].document`, s.document, documentIds, 'document');
    ref(`$.statements[${i}].reportedVia`, s.reportedVia, statementIds, 'statement');
    if (s.reportedVia !== null && s.reportedVia === s.id) {
      problems.push({ path: `$.statements[${i}].reportedVia`, expected: 'another statement', got: `the statement itself (${show(s.id)})` });
    }
    if (s.hedge !== null && s.stance !== 'HEDGES') {
      problems.push({ path: `$.statements[${i}].hedge`, expected: 'hedging words only on a HEDGES statement', got: `${show(s.hedge)} on ${s.stance}` });
    }
  });
  b.links.forEach((l, i) => {
    ref(`$.links[${i}].from`, l.from, claimIds, 'claim');
    ref(`$.links[${i}].to`, l.to, claimIds, 'claim');
    if (l.from !== '' && l.from === l.to) problems.push({ path: `$.links[${i}].to`, expected: 'a claim other than `from`', got: show(l.to) });
  });
}

/**
 * Affiliations form a hierarchy: a source cannot, through its parents, be its
 * own parent. A cycle would leave its members without a top-level parent and
 * break the independence rule, which groups sources by that parent.
 */
function checkAffiliationCycles(b: Bundle, problems: BundleProblem[]): void {
  const component = stronglyConnected(b.affiliations.map((a) => [a.source, a.parent]));
  b.affiliations.forEach((a, i) => {
    // An edge lies on a cycle exactly when both ends are in one strongly connected component.
    if (a.source !== a.parent && component.get(a.source) === component.get(a.parent)) {
      problems.push({ path: `$.affiliations[${i}]`, expected: 'affiliations without a cycle', got: `${show(a.source)} is, through ${show(a.parent)}, affiliated with itself` });
    }
  });
}

/**
 * The strongly connected component of every node of a directed graph
 * (Tarjan's algorithm, iterative: a bundle may hold chains of any length,
 * and each node and edge is visited once).
 */
function stronglyConnected(edges: readonly (readonly [string, string])[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) {
    // Pushed, not copied: a parent with many members would make copying quadratic.
    const out = next.get(from);
    if (out === undefined) next.set(from, [to]);
    else out.push(to);
    if (!next.has(to)) next.set(to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; child: number };
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++] as string;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(child) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const member = stack.pop() as string;
          onStack.delete(member);
          component.set(member, index.get(frame.node) as number);
          if (member === frame.node) break;
        }
      }
    }
  }
  return component;
}

/**
 * Reported speech is a chain from the speaker to the document: it cannot
 * loop back. Each statement names at most one relay, so following the chains
 * once, marking what has been walked, finds every statement on a loop.
 */
function checkRelayCycles(b: Bundle, problems: BundleProblem[]): void {
  const via = new Map(b.statements.map((s) => [s.id, s.reportedVia]));
  const onLoop = new Set<string>();
  // One map instead of a path and a set per walk: the number of the walk a
  // statement is on while it is walked, DONE once its chain is known to end
  // or to have been reported.
  const DONE = 0;
  const state = new Map<string, number>();
  let walk = 0;
  for (const start of via.keys()) {
    if (state.has(start)) continue;
    walk++;
    let node: string | null | undefined = start;
    while (node !== null && node !== undefined && via.has(node) && !state.has(node)) {
      state.set(node, walk);
      node = via.get(node);
    }
    // Walking into this walk again closes a loop: the nodes from there on are on it.
    if (node !== null && node !== undefined && state.get(node) === walk) {
      let member: string = node;
      do {
        onLoop.add(member);
        member = via.get(member) as string;
      } while (member !== node);
    }
    for (let member: string | null | undefined = start; member !== null && member !== undefined && state.get(member) === walk; member = via.get(member)) {
      state.set(member, DONE);
    }
  }
  b.statements.forEach((s, i) => {
    if (onLoop.has(s.id) && s.reportedVia !== s.id) {
      problems.push({ path: `$.statements[${i}].reportedVia`, expected: 'a chain of relays that ends', got: `a loop back to ${show(s.id)}` });
    }
  });
}

/** Like {@link checkBundle}, but throws one BAD_USER_INPUT error listing every problem. */
export function parseBundle(input: Json, known: KnownIds = {}): Bundle {
  const { bundle, problems } = checkBundle(input, known);
  throwProblems(problems);
  return bundle;
}

/** Throws one BAD_USER_INPUT error listing `problems` (the first 20), if there are any. */
export function throwProblems(problems: BundleProblem[]): void {
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `  ${p.path}: expected ${p.expected}, got ${p.got}`);
    if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
    throw badInput(`The bundle has ${problems.length} problem(s):\n${lines.join('\n')}`, { problems });
  }
}
