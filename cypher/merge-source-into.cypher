// Merges a stored source into another: every statement it made, its
// affiliations both ways (a link between the two is dropped; the kept
// source's role wins where both had one), the documents it published, its
// ratings, the redirects to it and its possible-duplicate links move to
// `keep`, and the entity it is unless `keep` is one already; then it is deleted. Names and aliases are the caller's (it writes
// the kept source's merged record), as is the redirect of the old id.
// @mode write
// @param keep   id of the source that stays
// @param absorbed  id of the source merged into it
MATCH (k:Source {id: $keep})
MATCH (m:Source {id: $absorbed})
CALL (k, m) {
  MATCH (m)-[old:MADE]->(st:Statement)
  CREATE (k)-[:MADE]->(st)
  DELETE old
}
CALL (k, m) {
  MATCH (m)-[old:AFFILIATED_WITH]->(p:Source)
  WHERE p <> k
  MERGE (k)-[n:AFFILIATED_WITH]->(p)
  ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:AFFILIATED_WITH]-(x:Source)
  WHERE x <> k
  MERGE (x)-[n:AFFILIATED_WITH]->(k)
  ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:PUBLISHED_BY]-(d:Document)
  MERGE (d)-[:PUBLISHED_BY]->(k)
  DELETE old
}
// The entity the absorbed source is, unless the kept one is an entity already.
CALL (k, m) {
  MATCH (m)-[:IS_ENTITY]->(e:Entity)
  WHERE NOT EXISTS { (k)-[:IS_ENTITY]->(:Entity) }
  MERGE (k)-[:IS_ENTITY]->(e)
}
CALL (k, m) {
  MATCH (m)-[old:RATED]->(r:Rating)
  CREATE (k)-[:RATED]->(r)
  DELETE old
}
CALL (k, m) {
  MATCH (m)<-[old:REDIRECTS_TO]-(r:Redirect)
  CREATE (r)-[:REDIRECTS_TO]->(k)
  DELETE old
}
CALL (k, m) {
  MATCH (m)-[old:POSSIBLY_SAME]-(x:Source)
  WHERE x <> k
  MERGE (k)-[n:POSSIBLY_SAME]-(x)
  ON CREATE SET n += properties(old)
}
DETACH DELETE m
RETURN k.id AS id
