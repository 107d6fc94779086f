// Merges a stored entity into another: the claims about it, the sources
// that are it, the redirects to it and its possible-duplicate links move to `keep`; then it is deleted.
// Names and aliases are the caller's, as is the redirect of the old id.
// @mode write
// @param keep   id of the entity that stays
// @param absorbed  id of the entity merged into it
MATCH (k:Entity {id: $keep})
MATCH (m:Entity {id: $absorbed})
CALL (k, m) {
  MATCH (m)<-[:ABOUT]-(c:Claim)
  MERGE (c)-[:ABOUT]->(k)
}
CALL (k, m) {
  MATCH (m)<-[:IS_ENTITY]-(s:Source)
  MERGE (s)-[:IS_ENTITY]->(k)
}
CALL (k, m) {
  MATCH (m)<-[old:REDIRECTS_TO]-(r:Redirect)
  CREATE (r)-[:REDIRECTS_TO]->(k)
  DELETE old
}
CALL (k, m) {
  MATCH (m)-[old:POSSIBLY_SAME]-(x:Entity)
  WHERE x <> k
  MERGE (k)-[n:POSSIBLY_SAME]-(x)
  ON CREATE SET n += properties(old)
}
DETACH DELETE m
RETURN k.id AS id
