// The reliability ratings of each given source, newest first (by `seq`, the
// order they were recorded). Sources without a rating yield no row.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})-[:RATED]->(r:Rating)
WITH key, r
ORDER BY r.seq DESC, r.id DESC
RETURN key, collect(r {.id, .grade, .reason, .by, .at, .seq}) AS ratings
