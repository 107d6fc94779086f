/**
 * A set of bundles checked as one (docs/BUNDLE.md, "A set of bundles"): the
 * records of all files make one version 2 bundle, references resolve across
 * files, and the same id may be defined in two files only with the same
 * content. Every problem names its file. Pure: no store access.
 */
import { show } from '../errors';
import { problem, type BundleProblem, type Json, type KnownIds } from './bundle-common';
import { upgradeV1Traced, v1Statements, type V1Bundle } from './bundle-v1';
import { checkReferences, pathIn, readFile, recordKey, SECTIONS, setOrigin, type BundleOrigin, type BundlePart, type Section } from './bundle';
import type { Bundle } from './model';

/** One file of a set: a name for messages (its path as given) and its parsed JSON. */
export interface BundleFile {
  name: string;
  json: unknown;
}

/** A checked set: one version 2 bundle of every file's records, every problem (each with its `file`), and the upgrade notes. */
export interface CheckedSet {
  bundle: Bundle;
  problems: BundleProblem[];
  notes: string[];
}

/** What makes two records of a section the same record: the id, or for records without one, their key. */
function keyOf(section: Section, record: Record<string, unknown>): string | null {
  if (section === 'affiliations') return `${String(record.source)}\u0000${String(record.parent)}`;
  if (section === 'links') return `${String(record.type)}\u0000${String(record.from)}\u0000${String(record.to)}`;
  const id = record.id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** JSON with the keys of every object in sorted order, so that equal content gives equal text whatever the key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The content two definitions of one record must share: every field but
 * `recorded` (who wrote it into a graph, and when, is not content: the
 * import's fingerprint leaves it out too).
 */
const content = (record: Record<string, unknown>): string => stableJson({ ...record, recorded: undefined });

/** The fields in which two records differ, for the message. */
function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'recorded').sort();
  return keys.filter((k) => stableJson(a[k] ?? null) !== stableJson(b[k] ?? null));
}

/**
 * Reads every file of a set, as {@link checkShapes} reads one bundle, and
 * makes one version 2 bundle of all their records, in the given order of
 * the files. Version 1 files are validated as version 1 and upgraded; their
 * relay chains may run through statements of the other version 1 files.
 * A record defined in two files is kept once when both definitions have the
 * same content (all fields but `recorded`), and is a problem in the later
 * file otherwise, naming the earlier one. References are not checked here:
 * {@link checkReferences} checks them on the returned bundle (it knows the
 * files the records came from), or {@link checkBundleSet} does both.
 */
/** The file a problem is reported in: none for a lone bundle given without a name. */
const fileOf = (f: BundleFile): string | undefined => (f.name === '' ? undefined : f.name);

export function checkShapesOfSet(files: readonly BundleFile[]): CheckedSet {
  const problems: BundleProblem[] = [];
  const read = files.map((f) => readFile(f.json, fileOf(f)));
  for (const r of read) problems.push(...r.problems);
  const v1s = read.flatMap((r) => ('v1' in r ? [r.v1] : []));
  const lookup = v1s.length > 0 ? v1Statements(v1s) : undefined;
  const notes: string[] = [];
  const parts: BundlePart[] = [];
  const bundles: Bundle[] = read.map((r, f) => {
    const file = fileOf(files[f] as BundleFile);
    if ('bundle' in r) {
      parts.push({ file });
      return r.bundle;
    }
    const upgraded = upgradeV1Traced(r.v1, { statements: lookup, file });
    notes.push(...upgraded.notes);
    parts.push({ file, v1: { v1: r.v1, trace: upgraded.trace, shapeProblems: r.problems.length } });
    return upgraded.bundle;
  });

  const combined: Bundle = {
    format: 'claimgraph-bundle',
    version: 2,
    sources: [],
    affiliations: [],
    entities: [],
    documents: [],
    claims: [],
    statements: [],
    links: [],
    questions: [],
    ratings: [],
    assessments: [],
    changes: [],
  };
  const origin: BundleOrigin = { parts, part: {}, index: {} };
  for (const section of SECTIONS) {
    const out = combined[section] as unknown as Record<string, unknown>[];
    const partOf: number[] = [];
    const indexOf: number[] = [];
    /** Where each key was first defined: the file and the index there. */
    const first = new Map<string, { f: number; j: number; record: Record<string, unknown> }>();
    bundles.forEach((b, f) => {
      (b[section] as unknown as Record<string, unknown>[]).forEach((record, j) => {
        const key = keyOf(section, record);
        const before = key === null ? undefined : first.get(key);
        if (key !== null && before === undefined) first.set(key, { f, j, record });
        // Repeated within one file: kept, for the rules of one bundle (a duplicate id is a problem, a repeated affiliation or link the later row).
        if (before !== undefined && before.f !== f) {
          if (content(before.record) === content(record)) return;
          const part = parts[f];
          const earlier = `${(files[before.f] as BundleFile).name} (${pathIn(parts[before.f], section, before.j, '')})`;
          const what = section === 'affiliations' || section === 'links' ? `the same ${section === 'links' ? 'link' : 'affiliation'}` : `id ${show(key)}`;
          problems.push(
            problem(
              pathIn(part, section, j, section === 'affiliations' || section === 'links' ? '' : '.id'),
              `the same record as in ${earlier}, or an id of its own`,
              `${what} defined differently (${differingFields(before.record, record).join(', ')})`,
              recordName(section, record),
              part?.file,
            ),
          );
          return;
        }
        out.push(record);
        partOf.push(f);
        indexOf.push(j);
      });
    });
    (origin.part as Record<Section, number[]>)[section] = partOf;
    (origin.index as Record<Section, number[]>)[section] = indexOf;
  }
  setOrigin(combined, origin);
  return { bundle: combined, problems, notes };
}

/** The record's name in a problem (as recordKey, from the record itself). */
function recordName(section: Section, record: Record<string, unknown>): string | undefined {
  const single = { ...emptyBundle(), [section]: [record] } as Bundle;
  return recordKey(single, section, 0);
}

const emptyBundle = (): Bundle => ({
  format: 'claimgraph-bundle', version: 2, sources: [], affiliations: [], entities: [], documents: [], claims: [], statements: [], links: [], questions: [], ratings: [], assessments: [], changes: [],
});

/**
 * Checks a set of bundles as one (docs/BUNDLE.md, "A set of bundles"):
 * {@link checkShapesOfSet}, then the references and rules across records
 * over the whole set and `known`. Every problem names its file.
 */
export function checkBundleSet(files: readonly BundleFile[], known: KnownIds = {}): CheckedSet {
  const checked = checkShapesOfSet(files);
  checkReferences(checked.bundle, known, checked.problems);
  return checked;
}

// ---------------------------------------------------------------- dependency order

type Kind = 'sources' | 'entities' | 'documents' | 'claims' | 'statements';

/** The ids a bundle defines (ids and former ids) and the ids it references, as `kind:id`. */
function idsOfV2(b: Bundle): { defines: Set<string>; references: string[] } {
  const defines = new Set<string>();
  const references: string[] = [];
  const def = (kind: Kind, id: string) => defines.add(`${kind}:${id}`);
  const ref = (kind: Kind, id: string | null) => {
    if (id !== null && id !== '') references.push(`${kind}:${id}`);
  };
  for (const kind of ['sources', 'entities', 'documents', 'claims', 'statements'] as const) {
    for (const r of b[kind]) {
      def(kind, r.id);
      for (const f of r.formerIds) def(kind, f);
    }
  }
  for (const a of b.affiliations) (ref('sources', a.source), ref('sources', a.parent));
  for (const d of b.documents) ref('sources', d.publisher);
  for (const c of b.claims) for (const e of c.about) ref('entities', e);
  for (const s of b.statements) {
    ref('sources', s.source);
    ref('claims', s.claim);
    for (const a of s.appearances) {
      ref('documents', a.document);
      for (const step of a.via) (ref('sources', step.source), ref('documents', step.document));
      if (a.retracted !== undefined) (ref('sources', a.retracted.by), ref('documents', a.retracted.document));
    }
    ref('statements', s.derivedFrom);
    for (const t of s.supersedes) ref('statements', t);
  }
  for (const l of b.links) (ref('claims', l.from), ref('claims', l.to));
  for (const q of b.questions) {
    for (const h of q.hypotheses) ref('claims', h);
    for (const c of q.cells) ref(c.evidence.kind === 'STATEMENT' ? 'statements' : 'claims', c.evidence.id);
  }
  for (const r of b.ratings) ref('sources', r.source);
  for (const a of b.assessments) ref('claims', a.claim);
  return { defines, references };
}

/** As {@link idsOfV2}, for a version 1 bundle as read (its relays are references too). */
function idsOfV1(b: V1Bundle): { defines: Set<string>; references: string[] } {
  const defines = new Set<string>();
  const references: string[] = [];
  const ref = (kind: Kind, id: string | null) => {
    if (id !== null && id !== '') references.push(`${kind}:${id}`);
  };
  for (const kind of ['sources', 'entities', 'documents', 'claims', 'statements'] as const) for (const r of b[kind]) defines.add(`${kind}:${r.id}`);
  for (const a of b.affiliations) (ref('sources', a.source), ref('sources', a.parent));
  for (const d of b.documents) ref('sources', d.publisher);
  for (const c of b.claims) for (const e of c.about) ref('entities', e);
  for (const s of b.statements) (ref('sources', s.source), ref('claims', s.claim), ref('documents', s.document), ref('statements', s.reportedVia));
  for (const l of b.links) (ref('claims', l.from), ref('claims', l.to));
  return { defines, references };
}

/**
 * The files of a set in an order in which each file comes after the files
 * that define the ids it references (so that they can be imported, or
 * reported, one by one): a file depends on every other file that defines an
 * id it references and does not define itself. Files that do not depend on
 * each other keep their given order; files that depend on each other in a
 * cycle stay together, in their given order, where the first of them would
 * come. Unreadable parts of a file are ignored here (checkBundleSet reports
 * them).
 */
export function orderByDependency<F extends BundleFile>(files: readonly F[]): F[] {
  const ids = files.map((f) => {
    const json: Json = f.json;
    const r = readFile(json, f.name);
    return 'v1' in r ? idsOfV1(r.v1) : idsOfV2(r.bundle);
  });
  const definedIn = new Map<string, number[]>();
  ids.forEach(({ defines }, f) => {
    for (const key of defines) {
      const list = definedIn.get(key);
      if (list === undefined) definedIn.set(key, [f]);
      else list.push(f);
    }
  });
  const n = files.length;
  const dependsOn: Set<number>[] = ids.map(({ defines, references }, f) => {
    const deps = new Set<number>();
    for (const key of references) {
      if (defines.has(key)) continue;
      for (const g of definedIn.get(key) ?? []) if (g !== f) deps.add(g);
    }
    return deps;
  });

  // Files on a cycle of dependencies form one group (a strongly connected
  // component), placed where its first file would be, its files in given order.
  const group = components(n, dependsOn);
  const members = new Map<number, number[]>();
  for (let f = 0; f < n; f++) {
    const g = group[f] as number;
    const list = members.get(g);
    if (list === undefined) members.set(g, [f]);
    else list.push(f);
  }
  const groupDeps = new Map<number, Set<number>>();
  for (const [g, fs] of members) {
    const deps = new Set<number>();
    for (const f of fs) for (const d of dependsOn[f] as Set<number>) if (group[d] !== g) deps.add(group[d] as number);
    groupDeps.set(g, deps);
  }
  // Kahn's algorithm, taking among the groups ready the one whose first file comes first.
  const placed = new Set<number>();
  const order: F[] = [];
  const groups = [...members.keys()].sort((a, b) => ((members.get(a) as number[])[0] as number) - ((members.get(b) as number[])[0] as number));
  while (placed.size < groups.length) {
    const next = groups.find((g) => !placed.has(g) && [...(groupDeps.get(g) as Set<number>)].every((d) => placed.has(d)));
    // Groups of a condensation never wait on each other in a cycle, so one is always ready.
    const g = next as number;
    placed.add(g);
    for (const f of members.get(g) as number[]) order.push(files[f] as F);
  }
  return order;
}

/** The strongly connected component of each of `n` nodes (Tarjan, iterative), as a number per node. */
function components(n: number, next: readonly Set<number>[]): number[] {
  const index: number[] = new Array<number>(n).fill(-1);
  const low: number[] = new Array<number>(n).fill(0);
  const component: number[] = new Array<number>(n).fill(-1);
  const onStack: boolean[] = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; children: number[]; child: number }[] = [];
    const open = (node: number) => {
      index[node] = low[node] = counter++;
      stack.push(node);
      onStack[node] = true;
      work.push({ node, children: [...(next[node] as Set<number>)], child: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; children: number[]; child: number };
      if (frame.child < frame.children.length) {
        const child = frame.children[frame.child++] as number;
        if (index[child] === -1) open(child);
        else if (onStack[child]) low[frame.node] = Math.min(low[frame.node] as number, index[child] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
      if (low[frame.node] === index[frame.node]) {
        for (;;) {
          const member = stack.pop() as number;
          onStack[member] = false;
          component[member] = frame.node;
          if (member === frame.node) break;
        }
      }
    }
  }
  return component;
}
