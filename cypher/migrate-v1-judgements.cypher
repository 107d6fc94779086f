// `claimgraph migrate`: every editor's rating of a source and assessment of
// a claim in a version 1 store (which version 1 bundles could not carry), in
// the order they were recorded (`seq`), then by id.
// @mode read
CALL () {
  MATCH (s:Source)-[:RATED]->(r:Rating)
  WITH s, r ORDER BY s.id, r.seq, r.id
  RETURN collect(r {.id, source: s.id, .grade, .reason, .by, .at, .seq}) AS ratings
}
CALL () {
  MATCH (a:Assessment)-[:ASSESSES]->(c:Claim)
  WITH c, a ORDER BY c.id, a.seq, a.id
  RETURN collect(a {.id, claim: c.id, .verdict, .rating, .explanation, .url, .by, .at, .seq}) AS assessments
}
RETURN ratings, assessments
