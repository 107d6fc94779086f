/**
 * Small hand-made graphs for the credibility, status and rating rules: one
 * situation per test, so a change to a rule shows up as the case it breaks.
 * The bundles are format version 2 (the TS record types); tests that keep a
 * version 1 input write it as plain JSON instead.
 */
import { importBundle } from '../../src/graph/import';
import type { Bundle, ClaimLinkRecord, ClaimLinkType, ClaimRecord, DocumentRecord, Position, SourceRecord, StatementRecord } from '../../src/graph/model';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';

export const source = (id: string, kind: SourceRecord['kind'] = 'ORGANIZATION', anonymous = false): SourceRecord => ({
  id, name: `Source ${id}`, kind, anonymous, count: null, description: null, aliases: [], formerIds: [],
});

export interface SaysOptions {
  /** The statement id; by default `st-<source>-<claim>-<position>`. */
  id?: string;
  /** When it was said (ISO partial date). */
  date?: string;
  /** Documents that printed it, one appearance each (no words, no intermediaries). */
  documents?: string[];
  derivedFrom?: string;
  supersedes?: string[];
}

/**
 * A statement by its position: HEDGES is a hedged ASSERTS ("may"), DOUBTS a
 * hedged DENIES ("no longer confident"), the others their own stance.
 */
export function says(src: string, claim: string, position: Position = 'ASSERTS', options: SaysOptions = {}): StatementRecord {
  const hedged = position === 'HEDGES' || position === 'DOUBTS';
  const stance = position === 'HEDGES' ? 'ASSERTS' : position === 'DOUBTS' ? 'DENIES' : position;
  return {
    id: options.id ?? `st-${src}-${claim}-${position}`,
    source: src,
    claim,
    stance,
    hedged,
    hedge: position === 'HEDGES' ? 'may' : position === 'DOUBTS' ? 'no longer confident' : null,
    date: options.date ?? null,
    madeAt: null,
    quote: null,
    paraphrase: null,
    appearances: (options.documents ?? []).map((document) => ({ document, quote: null, paraphrase: null, via: [], selector: null })),
    derivedFrom: options.derivedFrom ?? null,
    supersedes: options.supersedes ?? [],
    formerIds: [],
  };
}

export const claimRecord = (id: string): ClaimRecord => ({ id, text: `Claim ${id}.`, about: [], formerIds: [] });

export const documentRecord = (id: string, publishedAt: string | null = null, url: string | null = null): DocumentRecord => ({
  id, title: `Document ${id}`, publisher: null, url, publishedAt, note: null, text: null, formerIds: [],
});

export const link = (type: ClaimLinkType, from: string, to: string): ClaimLinkRecord => ({ type, from, to, linkedBy: 'test', reason: `${from} ${type} ${to}` });

/** A version 2 bundle with claims c and d unless `parts` says otherwise. */
export function bundle(parts: Partial<Bundle>): Bundle {
  return {
    format: 'claimgraph-bundle', version: 2, sources: [], affiliations: [], entities: [], documents: [],
    claims: [claimRecord('c'), claimRecord('d')], statements: [], links: [], questions: [], ratings: [], assessments: [], changes: [], ...parts,
  };
}

export const load = (store: GraphStore, b: Bundle | Record<string, unknown>) => importBundle(store, b, { editor: 'test' });

export interface Judged {
  status: string;
  credibility: { grade: number; label: string; rule: string; facts: string[] };
}

/** A claim's status and credibility through the API. */
export async function judged(store: GraphStore, id: string): Promise<Judged> {
  const result = await gql(store, 'query($id: ID!) { claim(id: $id) { status credibility { grade label rule facts } } }', { id });
  if (result.errors !== undefined) throw new Error(JSON.stringify(result.errors));
  return (result.data?.claim as Judged);
}

/** Runs a mutation as `editor` and fails the test on any error. */
export async function mutate(store: GraphStore, query: string, variables: Record<string, unknown> = {}, editor = 'alice@example.org') {
  const result = await gql(store, query, variables, editor);
  if (result.errors !== undefined) throw new Error(JSON.stringify(result.errors));
  return result.data ?? {};
}
