/**
 * Small hand-made graphs for the credibility, status and rating rules: one
 * situation per test, so a change to a rule shows up as the case it breaks.
 */
import { importBundle } from '../../src/graph/import';
import type { Bundle, SourceRecord, StatementRecord } from '../../src/graph/model';
import type { GraphStore } from '../../src/store/port';
import { gql } from '../helpers';

export const source = (id: string, kind: SourceRecord['kind'] = 'ORGANIZATION', anonymous = false): SourceRecord => ({
  id, name: `Source ${id}`, kind, anonymous, count: null, description: null, aliases: [],
});

export const says = (src: string, claim: string, stance: StatementRecord['stance'] = 'ASSERTS', document: string | null = null): StatementRecord => ({
  id: `st-${src}-${claim}-${stance}`, source: src, claim, stance, quote: null, paraphrase: null,
  hedge: stance === 'HEDGES' ? 'may' : null, document, reportedVia: null, madeAt: null,
});

export const claimRecord = (id: string) => ({ id, text: `Claim ${id}.`, about: [] });

export function bundle(parts: Partial<Bundle>): Bundle {
  return {
    format: 'claimgraph-bundle', version: 1, sources: [], affiliations: [], entities: [], documents: [],
    claims: [claimRecord('c'), claimRecord('d')], statements: [], links: [], ...parts,
  };
}

export const load = (store: GraphStore, b: Bundle) => importBundle(store, b, { editor: 'test' });

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
