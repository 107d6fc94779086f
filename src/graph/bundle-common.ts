/**
 * What the bundle readers of both format versions share (docs/BUNDLE.md):
 * the problem record, a reader that collects every problem of one record
 * instead of stopping at the first, and the graph algorithms the loop checks
 * use. Nothing here knows a section's fields; bundle.ts (version 2) and
 * bundle-v1.ts (version 1) do.
 */
import { show } from '../errors';
import type { Audit } from './model';

/** One thing wrong with a bundle: where it is, which record, what was expected and what came. */
export interface BundleProblem {
  /** JSONPath of the offending value, e.g. `$.statements[3].stance`. */
  path: string;
  expected: string;
  got: string;
  /**
   * The record the problem is in: its id, or for a record without one a
   * readable key (`affiliation src-a → src-b`, `link CONTRADICTS c1 → c2`,
   * `rating of src-a at 2021-09-17T10:00Z`). Absent for problems of the
   * bundle as a whole (`$.version`) and for records whose id is unusable.
   */
  id?: string;
  /** The file of a bundle set the problem is in; absent for a single bundle. */
  file?: string;
}

export type Json = unknown;
export type Obj = Record<string, Json>;

export const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A non-blank string: at least one character that JavaScript's trim() keeps. */
export const isText = (v: Json): v is string => typeof v === 'string' && v.trim() !== '';

/** An unpaired UTF-16 surrogate (a paired one makes a code point, which \p{Cs} does not match). */
const LONE_SURROGATE = /\p{Cs}/u;

/** A problem object, with `id` and `file` only when known (so that tests and JSON see no `undefined` keys). */
export function problem(path: string, expected: string, got: string, id?: string, file?: string): BundleProblem {
  const p: BundleProblem = { path, expected, got };
  if (id !== undefined) p.id = id;
  // A single bundle read as a set of one has the file name '': it has no file (absent, as documented).
  if (file !== undefined && file !== '') p.file = file;
  return p;
}

/** The record's id for messages: `value` when it is a usable id, else undefined. */
export const idFor = (value: Json): string | undefined => (isText(value) ? value : undefined);

/** A part of a readable key: the value when it is a usable string, else "?". */
export const keyPart = (value: Json): string => (isText(value) ? value : '?');

/** Ids that records may reference but that live in the graph already rather than in the bundle. */
export interface IdSet {
  has(id: string): boolean;
}

/**
 * Ids the graph already holds, per kind (an id, or a former id that still
 * resolves). A reference to one of them is not dangling. `questions` is
 * accepted for callers that pass every kind; no bundle field names a
 * question yet.
 */
export interface KnownIds {
  sources?: IdSet;
  entities?: IdSet;
  documents?: IdSet;
  claims?: IdSet;
  statements?: IdSet;
  questions?: IdSet;
}

/** What the readers say a partial date must look like (docs/BUNDLE.md, "Dates"). */
export const PARTIAL_DATE_FORMS =
  'an ISO 8601 date as precise as known: YYYY, YYYY-MM, YYYY-MM-DD, or a date-time YYYY-MM-DDTHH:MM[:SS[.fff]], optionally followed by Z or ±HH:MM (UTC when the zone is left out), naming a day that exists';

/** What the readers say a moment (`at` of a rating, an assessment, a cell) must look like. */
export const DATE_TIME_FORMS = 'an ISO 8601 date-time YYYY-MM-DDTHH:MM[:SS[.fff]], optionally followed by Z or ±HH:MM (UTC when the zone is left out)';

/**
 * Reads one record's fields, collecting problems instead of stopping at the
 * first, so an editor fixes a bundle in one pass. Every problem carries the
 * record's id (or readable key) and the file, when known.
 */
export class RecordReader {
  constructor(
    readonly obj: Obj,
    readonly path: string,
    private readonly problems: BundleProblem[],
    allowed: readonly string[],
    /** The record's id or readable key, or a function giving it (computed only when a problem is reported). */
    private readonly id?: string | (() => string | undefined),
    readonly file?: string,
  ) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(key, `one of the fields ${allowed.join(', ')}`, `unknown field ${show(key)}`);
    }
  }

  /** The record's id or key, as problems name it. */
  recordId(): string | undefined {
    return typeof this.id === 'function' ? this.id() : this.id;
  }

  /** A problem at `field` of this record (`field` may be a longer suffix such as `via[2].source`). */
  problem(field: string, expected: string, got: string): void {
    this.problems.push(problem(`${this.path}.${field}`, expected, got, this.recordId(), this.file));
  }

  /** A problem at the record itself (a rule across its fields). */
  problemHere(expected: string, got: string): void {
    this.problems.push(problem(this.path, expected, got, this.recordId(), this.file));
  }

  /** A reader of a nested object of this record (an appearance, a selector), naming the same record. */
  nested(obj: Obj, field: string, allowed: readonly string[]): RecordReader {
    return new RecordReader(obj, `${this.path}.${field}`, this.problems, allowed, this.id, this.file);
  }

  /** A string the engines can store as it came: one with an unpaired surrogate would come back with U+FFFD in its place. */
  wellFormed(field: string, v: string): string {
    if (LONE_SURROGATE.test(v)) this.problem(field, 'well-formed Unicode text (no unpaired surrogate)', show(v));
    return v;
  }

  requiredString(field: string): string {
    const v = this.obj[field];
    if (isText(v)) return this.wellFormed(field, v);
    this.problem(field, 'a non-empty string', v === undefined ? 'nothing' : show(v));
    return '';
  }

  optionalString(field: string): string | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (isText(v)) return this.wellFormed(field, v);
    this.problem(field, 'a non-empty string or null', show(v));
    return null;
  }

  /** An optional ISO 8601 partial date (dates.ts): the string when it is one, else null (and a problem). */
  optionalPartialDate(field: string, isPartialDate: (text: string) => boolean): string | null {
    const v = this.optionalString(field);
    if (v === null || isPartialDate(v)) return v;
    this.problem(field, `${PARTIAL_DATE_FORMS}, or null`, show(v));
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

  /** True, false, or null when left out or null. */
  optionalBoolean(field: string): boolean | null {
    const v = this.obj[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'boolean') return v;
    this.problem(field, 'true, false or null', show(v));
    return null;
  }

  /** One of `values`; on a problem the first value, so that reading goes on. */
  oneOf<T extends string>(field: string, values: readonly T[]): T {
    return this.oneOfOrNull(field, values) ?? (values[0] as T);
  }

  /** One of `values`, or null after reporting a problem (for rules that must not fire on a wrong value). */
  oneOfOrNull<T extends string>(field: string, values: readonly T[], listed: readonly string[] = values): T | null {
    const v = this.obj[field];
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.problem(field, `one of ${listed.join(', ')}`, v === undefined ? 'nothing' : show(v));
    return null;
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
      keys.every((k) => isText(o[k])) &&
      !Number.isNaN(Date.parse(o.createdAt as string)) &&
      !Number.isNaN(Date.parse(o.updatedAt as string));
    if (ok) return { createdAt: o.createdAt as string, createdBy: o.createdBy as string, updatedAt: o.updatedAt as string, updatedBy: o.updatedBy as string };
    this.problem(field, 'null or {createdAt, createdBy, updatedAt, updatedBy}, the times in ISO 8601', show(v));
    return null;
  }

  /** A list of non-blank strings; left out or null gives []. */
  stringList(field: string): string[] {
    const v = this.obj[field];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every(isText)) return (v as string[]).map((x, i) => this.wellFormed(`${field}[${i}]`, x));
    this.problem(field, 'a list of non-empty strings', show(v));
    return [];
  }
}

/**
 * Reads one section (a list of records), one reader per record. A section
 * left out is empty; one that is not a list, or an item that is not an
 * object, is a problem.
 */
export function readSection<T>(
  root: Obj,
  section: string,
  problems: BundleProblem[],
  allowed: readonly string[],
  idOf: (raw: Obj) => string | (() => string | undefined) | undefined,
  read: (r: RecordReader) => T,
  file?: string,
): T[] {
  const list = root[section];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(problem(`$.${section}`, 'a list', show(list), undefined, file));
    return [];
  }
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: Json = list[i];
    const path = `$.${section}[${i}]`;
    if (!isObj(item)) {
      problems.push(problem(path, 'an object', show(item), undefined, file));
      continue;
    }
    out.push(read(new RecordReader(item, path, problems, allowed, idOf(item), file)));
  }
  return out;
}

/**
 * The strongly connected component of every node of a directed graph
 * (Tarjan's algorithm, iterative: a bundle may hold chains of any length,
 * and each node and edge is visited once). An edge lies on a cycle exactly
 * when both of its ends are in one component.
 */
export function stronglyConnected(edges: readonly (readonly [string, string])[]): Map<string, number> {
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
 * The nodes on a loop of a graph in which each node has at most one
 * successor (a relay chain, a derivation chain): `next(node)` gives it, or
 * undefined. Each chain is followed once, marking what has been walked, so
 * the work is linear in the number of nodes however long the chains are.
 * A node that is its own successor is on a loop too (callers that report
 * self-references apart skip it).
 */
export function nodesOnLoops<K>(nodes: Iterable<K>, next: (node: K) => K | undefined): Set<K> {
  const onLoop = new Set<K>();
  // One map instead of a path and a set per walk: the number of the walk a
  // node is on while it is walked, DONE once its chain is known to end or to
  // have been reported.
  const DONE = 0;
  const state = new Map<K, number>();
  let walk = 0;
  for (const start of nodes) {
    if (state.has(start)) continue;
    walk++;
    let node: K | undefined = start;
    while (node !== undefined && !state.has(node)) {
      state.set(node, walk);
      node = next(node);
    }
    // Walking into this walk again closes a loop: the nodes from there on are on it.
    if (node !== undefined && state.get(node) === walk) {
      let member: K = node;
      do {
        onLoop.add(member);
        member = next(member) as K;
      } while (member !== node);
    }
    for (let member: K | undefined = start; member !== undefined && state.get(member) === walk; member = next(member)) {
      state.set(member, DONE);
    }
  }
  return onLoop;
}
