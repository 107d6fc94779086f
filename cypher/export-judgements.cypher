// Every editor's rating of a source and assessment of a claim among the
// given sources and claims (all when null), as bundle records in id order.
// @mode read
// @param sources  list of source ids, or null for all
// @param claims   list of claim ids, or null for all
CALL () {
  MATCH (s:Source)-[:RATED]->(r:Rating)
  WHERE $sources IS NULL OR s.id IN $sources
  WITH s, r ORDER BY r.id
  RETURN collect(r {.id, source: s.id, .grade, .reason, .by, .at}) AS ratings
}
CALL () {
  MATCH (a:Assessment)-[:ASSESSES]->(c:Claim)
  WHERE $claims IS NULL OR c.id IN $claims
  WITH c, a ORDER BY a.id
  RETURN collect(a {.id, claim: c.id, .verdict, .rating, .explanation, .url, .by, .at}) AS assessments
}
RETURN ratings, assessments
