// The claims the given sources made statements on: after sources are merged,
// their statements are one source's, and those claims' positions change.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS id
MATCH (s:Source {id: id})-[:MADE]->(:Statement)-[:ON]->(c:Claim)
RETURN DISTINCT c.id AS claim
