// The claims the given sources, or sources affiliated with them at any
// depth, made statements on: after sources are merged or their affiliations
// change, the positions of those statements may change (an organisation's
// later statement supersedes its officials' earlier ones).
// @mode read
// @param ids  list of source ids
UNWIND $ids AS id
MATCH (s:Source {id: id})<-[:AFFILIATED_WITH*0..]-(:Source)-[:MADE]->(:Statement)-[:ON]->(c:Claim)
RETURN DISTINCT c.id AS claim
