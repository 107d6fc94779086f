// Claims ranked by how well they match a search (docs/MODEL.md, "Search"):
// a query word matches a field's words exactly (1), as a prefix of three
// letters or more (0.6), or by its skeleton, another spelling of a name
// (0.3), so that a word found as written outranks another spelling of it.
// Fields weigh: the claim's own text 3, the names and aliases of
// the entities it is about 2, the words of its statements (quotes,
// paraphrases, hedges, in every appearance) 1, the names and aliases of its
// sources 1. One page and the total, in one query. Every matching node is
// found by a pass over its label (a full-text index would seek instead).
// @mode read
// @param words       the query's words, normalised (src/graph/names.ts `searchTerms`)
// @param skeletons   per word, its skeleton marked with "~", or '' when it has none
// @param terms       the words and the non-empty skeletons together (what a hit must hold one of)
// @param afterScore  the score of the previous page's last row, or null for the first page
// @param afterId     the id of the previous page's last row, or null for the first page
// @param limit       maximum number of rows
CALL () {
  MATCH (n:Claim)
  WHERE any(t IN $terms WHERE t IN n.searchWords) OR any(w IN $words WHERE size(w) >= 3 AND any(k IN n.searchWords WHERE k STARTS WITH w))
  RETURN n AS x, n, 3.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Entity)
  WHERE any(t IN $terms WHERE t IN n.searchWords) OR any(w IN $words WHERE size(w) >= 3 AND any(k IN n.searchWords WHERE k STARTS WITH w))
  MATCH (n)<-[:ABOUT]-(x:Claim)
  RETURN x, n, 2.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Statement)
  WHERE any(t IN $terms WHERE t IN n.searchWords) OR any(w IN $words WHERE size(w) >= 3 AND any(k IN n.searchWords WHERE k STARTS WITH w))
  MATCH (n)-[:ON]->(x:Claim)
  RETURN x, n, 1.0 AS weight, 0.0 AS bonus
  UNION
  MATCH (n:Source)
  WHERE any(t IN $terms WHERE t IN n.searchWords) OR any(w IN $words WHERE size(w) >= 3 AND any(k IN n.searchWords WHERE k STARTS WITH w))
  MATCH (n)-[:MADE]->(:Statement)-[:ON]->(x:Claim)
  RETURN DISTINCT x, n, 1.0 AS weight, 0.0 AS bonus
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
