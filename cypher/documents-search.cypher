// Documents ranked by how well they match a search, scored as in
// claims-search (exact word 1, prefix 0.6, skeleton 0.3). Fields weigh: the
// document's title 2, the names and aliases of its publisher 1, so that a
// search for an outlet finds what it published, below a title that names
// the words. One page and the total, in one query, over the candidates the
// Document and Source full-text indexes found (as in claims-search).
// @mode read
// @param words       the query's words, normalised (src/graph/names.ts `searchTerms`)
// @param skeletons   per word, its skeleton marked with "~", or '' when it has none
// @param terms       the words and the non-empty skeletons together (what a hit must hold one of)
// @param documents   ids of the candidate documents (the Document full-text index)
// @param sources     ids of the candidate publishers (the Source full-text index)
// @param fanout      at most this many documents per matching publisher, the first by id
// @param afterScore  the score of the previous page's last row, or null for the first page
// @param afterId     the id of the previous page's last row, or null for the first page
// @param limit       maximum number of rows
CALL () {
  UNWIND $documents AS candidate
  MATCH (n:Document {id: candidate})
  // @include search-hit
  RETURN n AS x, n, 2.0 AS weight, 0.0 AS bonus
  UNION
  UNWIND $sources AS candidate
  MATCH (n:Source {id: candidate})
  // @include search-hit
  CALL (n) {
    MATCH (n)<-[:PUBLISHED_BY]-(published:Document)
    RETURN published ORDER BY published.id LIMIT $fanout
  }
  RETURN published AS x, n, 1.0 AS weight, 0.0 AS bonus
}
// @include search-ranking
// The page's rows projected, found again by id (one index seek each).
CALL (page) {
  UNWIND page AS r
  MATCH (x:Document {id: r.id})
  // Projected apart from the map: a pattern comprehension inside a map literal blinds the lint.
  WITH r, x {.id, .title, .url, .publishedAt, .note, publisher: head([(x)-[:PUBLISHED_BY]->(p:Source) | p.id])} AS document
  RETURN collect({score: r.score, document: document}) AS rows
}
RETURN total, rows AS page
