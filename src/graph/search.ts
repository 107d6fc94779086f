import type { GraphStore } from '../store/port';
import type { SearchLabel } from '../store/search-port';
import { searchQueryTokens, type SearchTerms } from './names';

/*
 * The candidates of a ranked search (docs/MODEL.md, "Search"): each field's
 * label asked of its engine's full-text index, in parallel. The search
 * queries (cypher/*-search.cypher) then rank them exactly as before the
 * index: the index only decides which records are scored.
 */

/**
 * At most this many candidates of each label, the most relevant first: a
 * page is 100 at most, and the index's relevance puts the records that hold
 * the most (and the rarest) of the query's tokens first. A search that
 * matches more records than this ranks and counts the first this many.
 */
export const SEARCH_CANDIDATES = 500;

/**
 * At most this many claims of each matching entity or source (and documents
 * of each matching publisher) enter the ranking, the first by id: a hub's
 * 100,000 claims are not all scored for one name.
 */
export const SEARCH_FANOUT = 200;

/** The searched lists, and the labels (with the query parameter naming their candidates) each one scores. */
export const SEARCH_FIELDS = {
  'claims-search': { claims: 'Claim', entities: 'Entity', statements: 'Statement', sources: 'Source' },
  'sources-search': { sources: 'Source' },
  'entities-search': { entities: 'Entity' },
  'documents-search': { documents: 'Document', sources: 'Source' },
} as const satisfies Record<string, Record<string, SearchLabel>>;

export type SearchList = keyof typeof SEARCH_FIELDS;

/** The candidate id lists of one search, keyed as its query's parameters, and the fan-out where the query takes one. */
export async function searchCandidates(store: GraphStore, list: SearchList, terms: SearchTerms): Promise<Record<string, string[] | number>> {
  const tokens = searchQueryTokens(terms);
  const fields = Object.entries(SEARCH_FIELDS[list]) as [string, SearchLabel][];
  const found = await Promise.all(fields.map(async ([param, label]) => [param, (await store.textSearch(label, tokens, SEARCH_CANDIDATES)).map((hit) => hit.id)] as const));
  return { ...Object.fromEntries(found), ...(list === 'claims-search' || list === 'documents-search' ? { fanout: SEARCH_FANOUT } : {}) };
}

