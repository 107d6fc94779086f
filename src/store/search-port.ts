/**
 * The search port (docs/MODEL.md, "Search"): each engine's own full-text
 * index over the `searchText` of the searchable labels, asked for the
 * records that hold any of some tokens. It generates candidates only: the
 * ranking users see (exact word, prefix, skeleton, field weights, whole-name
 * bonus) is computed by the search queries in `cypher/` over them.
 *
 * - Neo4j: a Lucene full-text index per label (`cypher/schema-neo4j.cypher`,
 *   whitespace analyzer), asked through `db.index.fulltext.queryNodes`
 *   (`cypher/text-candidates.cypher`).
 * - Embedded: Grafeo's BM25 text index per label (`createTextIndex`,
 *   `textSearch`), which the engine keeps up inside its own transactions
 *   (checked in test/store/search-contract.test.ts).
 */

/** The labels with a full-text index, and what each is searched for. */
export const SEARCH_LABELS = ['Claim', 'Statement', 'Source', 'Entity', 'Document'] as const;
export type SearchLabel = (typeof SEARCH_LABELS)[number];

/** The property every searchable node keeps its index text in (src/graph/names.ts `searchText`). */
export const SEARCH_TEXT_PROPERTY = 'searchText';

/** The Neo4j full-text index of a label: `claim_search`, `statement_search`, … */
export const fullTextIndexName = (label: SearchLabel): string => `${label.toLowerCase()}_search`;

/** One record the index found: its business id and the engine's relevance (BM25; not comparable across engines). */
export interface TextHit {
  id: string;
  relevance: number;
}

/** Asks an engine's full-text index for candidates. */
export interface TextSearchPort {
  /**
   * The records of `label` whose search text holds at least one of `tokens`
   * (letters and digits only, as src/graph/names.ts `searchQueryTokens`
   * makes them), most relevant first, at most `limit`; ties in relevance
   * by id, so that the same store gives the same candidates.
   */
  textSearch(label: SearchLabel, tokens: readonly string[], limit: number): Promise<TextHit[]>;
}

/** A token as the index holds it: letters and digits, nothing a query parser reads as syntax. */
const TOKEN = /^[\p{L}\p{N}]+$/u;

/** Checks the arguments of {@link TextSearchPort.textSearch} alike on every engine. */
export function checkTextSearch(label: string, tokens: readonly string[], limit: number): void {
  if (!(SEARCH_LABELS as readonly string[]).includes(label)) throw new RangeError(`Expected a searchable label (${SEARCH_LABELS.join(', ')}), got ${JSON.stringify(label)}.`);
  const bad = tokens.find((t) => !TOKEN.test(t));
  if (bad !== undefined) throw new RangeError(`Expected search tokens of letters and digits only, got ${JSON.stringify(bad)}.`);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Expected a limit of at least 1, got ${limit}.`);
}

/** Hits most relevant first, ties by id: the engines' own orders of ties differ. */
export const byRelevance = (a: TextHit, b: TextHit): number => b.relevance - a.relevance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

