// Claims ranked by how well they match a search (docs/MODEL.md, "Search"):
// a query word matches a field's words exactly (1), as a prefix of three
// letters or more (0.6), or by its skeleton, another spelling of a name
// (0.3), so that a word found as written outranks another spelling of it.
// Fields weigh: the claim's own text 3, the names and aliases of
// the entities it is about 2, the words of its statements (quotes,
// paraphrases, hedges, in every appearance) 1, the names and aliases of its
// sources 1. One page and the total, in one query. The nodes to score are
// the candidates each label's full-text index found (src/store/search-port.ts,
// at most SEARCH_CANDIDATES of each, most relevant first), each found again
// by id; the ranking below is exact over them, and the total counts them.
// @mode read
// @param words       the query's words, normalised (src/graph/names.ts `searchTerms`)
// @param skeletons   per word, its skeleton marked with "~", or '' when it has none
// @param terms       the words and the non-empty skeletons together (what a hit must hold one of)
// @param claims      ids of the candidate claims (the Claim full-text index)
// @param entities    ids of the candidate entities (the Entity full-text index)
// @param statements  ids of the candidate statements (the Statement full-text index)
// @param sources     ids of the candidate sources (the Source full-text index)
// @param fanout      at most this many claims per matching entity or source, the first by id (a hub's claims are not all ranked)
// @param afterScore  the score of the previous page's last row, or null for the first page
// @param afterId     the id of the previous page's last row, or null for the first page
// @param limit       maximum number of rows
CALL () {
  UNWIND $claims AS candidate
  MATCH (n:Claim {id: candidate})
  // @include search-hit
  RETURN n AS x, n, 3.0 AS weight, 0.0 AS bonus
  UNION
  UNWIND $entities AS candidate
  MATCH (n:Entity {id: candidate})
  // @include search-hit
  CALL (n) {
    MATCH (n)<-[:ABOUT]-(about:Claim)
    RETURN about ORDER BY about.id LIMIT $fanout
  }
  RETURN about AS x, n, 2.0 AS weight, 0.0 AS bonus
  UNION
  UNWIND $statements AS candidate
  MATCH (n:Statement {id: candidate})
  // @include search-hit
  MATCH (n)-[:ON]->(x:Claim)
  RETURN x, n, 1.0 AS weight, 0.0 AS bonus
  UNION
  UNWIND $sources AS candidate
  MATCH (n:Source {id: candidate})
  // @include search-hit
  CALL (n) {
    MATCH (n)-[:MADE]->(:Statement)-[:ON]->(spoken:Claim)
    WITH DISTINCT spoken
    RETURN spoken ORDER BY spoken.id LIMIT $fanout
  }
  RETURN spoken AS x, n, 1.0 AS weight, 0.0 AS bonus
}
// @include search-ranking
// The page's rows projected, found again by id (one index seek each).
CALL (page) {
  UNWIND page AS r
  MATCH (x:Claim {id: r.id})
  // Projected apart from the map: a pattern comprehension inside a map literal blinds the lint.
  WITH r, x {.id, .text, about: [(x)-[:ABOUT]->(e:Entity) | e.id]} AS claim
  RETURN collect({score: r.score, claim: claim}) AS rows
}
RETURN total, rows AS page
