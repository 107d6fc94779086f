import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundleSet, type ImportReport } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';

/*
 * What the real-event tests (test/events/*.test.ts) share: a fixture set's
 * bundle files, and the GraphQL look-ups they read the answers with. Ids read
 * here are record ids (the bundles' ids), selected as `id: recordId`.
 */

/** One bundle file of a set, as importBundleSet and checkBundleSet take it. */
export interface BundleFile { name: string; json: unknown }

/**
 * The fixture set test/fixtures/events/<name>: `filesOf('v1' | 'v2')` reads the
 * JSON bundles of that version, sorted by file name.
 */
export function eventSet(name: string): { filesOf: (version: 'v1' | 'v2') => BundleFile[] } {
  const fixture = join(__dirname, '..', 'fixtures', 'events', name);
  return {
    filesOf(version) {
      const dir = join(fixture, version);
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((name) => ({ name, json: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
    },
  };
}

/** A set imported into a store of its own, as every event test reads it. */
export interface ImportedEvent {
  store: GraphStore;
  report: ImportReport;
  /** The answers about the claims asked for, by record id. */
  answers: Record<string, ClaimAnswer>;
}

/**
 * Imports `files` as one set into an empty store, as a fact-checker's editor
 * at a fixed time (so that stamps are the same in every run), and reads the
 * answers about `claims`. The caller closes the store.
 */
export async function importEvent(files: BundleFile[], claims: readonly string[] = []): Promise<ImportedEvent> {
  const store = await emptyStore();
  const report = await importBundleSet(store, files, { editor: 'fact-checker@example.org', now: '2026-12-01T00:00:00.000Z' });
  return { store, report, answers: await claimAnswers(store, claims) };
}

/** A claim's corroboration: every count any event test reads, and its clusters of source record ids. */
export interface Corroboration {
  assertingSources: number;
  impliedSources: number;
  independentSources: number;
  anonymousSources: number;
  hedgingSources: number;
  denyingSources: number;
  doubtingSources: number;
  withdrawnSources: number;
  contradictedBy: number;
  opposingIndependentSources: number;
  leaningFor: number;
  leaningAgainst: number;
  clusters: { sources: { id: string }[]; merges: { reasons: string[] }[] }[];
}

/** What the API answers about one claim: its status, its credibility grade, its corroboration. */
export interface ClaimAnswer { status: string; credibility: { grade: number }; corroboration: Corroboration }

/** The answer about one claim, by its record id; fails the test on a GraphQL error. */
export async function claimAnswer(store: GraphStore, id: string): Promise<ClaimAnswer> {
  const r = await gql(store, `query($id: ID!) { claim(id: $id) { status credibility { grade } corroboration {
    assertingSources impliedSources independentSources anonymousSources hedgingSources denyingSources doubtingSources
    withdrawnSources contradictedBy opposingIndependentSources leaningFor leaningAgainst clusters { sources { id: recordId } merges { reasons } } } } }`, { id });
  expect(r.errors).toBeUndefined();
  return (r.data as { claim: ClaimAnswer }).claim;
}

/** A claim's credibility: its grade, how many sources against it are its parties, and the facts behind the grade. */
export interface CredibilityAnswer { grade: number; partiesAgainst: number; facts: string[] }

/** The credibility of one claim, by its record id; fails the test on a GraphQL error. */
export async function credibilityOf(store: GraphStore, id: string): Promise<CredibilityAnswer> {
  const r = await gql(store, `query($id: ID!) { claim(id: $id) { credibility { grade partiesAgainst facts } } }`, { id });
  expect(r.errors).toBeUndefined();
  return (r.data as { claim: { credibility: CredibilityAnswer } }).claim.credibility;
}

/** The answers about the claims `ids`, by record id, queried one after the other. */
export async function claimAnswers(store: GraphStore, ids: readonly string[]): Promise<Record<string, ClaimAnswer>> {
  const out: Record<string, ClaimAnswer> = {};
  for (const id of ids) out[id] = await claimAnswer(store, id);
  return out;
}

/** The record ids of a corroboration's clusters: each cluster sorted, the clusters by their first id. */
export const clusterIds = (c: Corroboration): string[][] =>
  c.clusters.map((cl) => cl.sources.map((s) => s.id).sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));

/** What the event tests read of a statement; `id` and the ids within are record ids. */
export interface StatementAnswer {
  id: string; position: string; current: boolean; supersession: string | null; supersededBy: { id: string } | null;
  appearances: { document: { id: string }; via: { source: { id: string } }[] }[];
}

/** One statement by its record id (or a folded copy's id); fails the test on a GraphQL error. */
export async function statement(store: GraphStore, id: string): Promise<StatementAnswer> {
  const r = await gql(store, `query($id: ID!) { statement(id: $id) { id: recordId position current supersession supersededBy { id: recordId }
    appearances { document { id: recordId } via { source { id: recordId } } } } }`, { id });
  expect(r.errors).toBeUndefined();
  return (r.data as { statement: StatementAnswer }).statement;
}

/** The record ids of the first ten sources a search for `text` finds, best first. */
export async function searchSources(store: GraphStore, text: string): Promise<string[]> {
  const r = await gql(store, `query($s: String) { sources(search: $s, first: 10) { nodes { id: recordId } } }`, { s: text });
  expect(r.errors).toBeUndefined();
  return (r.data as { sources: { nodes: { id: string }[] } }).sources.nodes.map((n) => n.id);
}

/** The record ids of the first ten entities a search for `text` finds, best first. */
export async function searchEntities(store: GraphStore, text: string): Promise<string[]> {
  const r = await gql(store, `query($s: String) { entities(search: $s, first: 10) { nodes { id: recordId } } }`, { s: text });
  expect(r.errors).toBeUndefined();
  return (r.data as { entities: { nodes: { id: string }[] } }).entities.nodes.map((n) => n.id);
}
