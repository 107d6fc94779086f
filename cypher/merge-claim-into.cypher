// Merges a stored claim into another (two wordings of one proposition): its
// statements, its links both ways (a link between the two is dropped; the
// kept claim's link wins where both had one), what it is about, the
// questions it is a hypothesis of (with their cell overrides), its
// assessments, the redirects to it and its possible-duplicate links move to
// `keep`; then it is deleted. The caller makes the old id a redirect and
// computes positions again.
// @mode write
// @param keep   id of the claim that stays
// @param absorbed  id of the claim merged into it
MATCH (k:Claim {id: $keep})
MATCH (m:Claim {id: $absorbed})
CALL (k, m) {
  MATCH (m)<-[old:ON]-(st:Statement)
  CREATE (st)-[:ON]->(k)
  DELETE old
}
CALL (k, m) {
  MATCH (m)-[old:CONTRADICTS]->(x:Claim) WHERE x <> k
  MERGE (k)-[n:CONTRADICTS]->(x) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:CONTRADICTS]-(x:Claim) WHERE x <> k
  MERGE (x)-[n:CONTRADICTS]->(k) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)-[old:SUPPORTS]->(x:Claim) WHERE x <> k
  MERGE (k)-[n:SUPPORTS]->(x) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:SUPPORTS]-(x:Claim) WHERE x <> k
  MERGE (x)-[n:SUPPORTS]->(k) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)-[old:IMPLIES]->(x:Claim) WHERE x <> k
  MERGE (k)-[n:IMPLIES]->(x) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:IMPLIES]-(x:Claim) WHERE x <> k
  MERGE (x)-[n:IMPLIES]->(k) ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)-[:ABOUT]->(e:Entity)
  MERGE (k)-[:ABOUT]->(e)
}
CALL (k, m) {
  MATCH (m)<-[:HYPOTHESIS]-(q:Question)
  MERGE (q)-[:HYPOTHESIS]->(k)
}
CALL (k, m) {
  // Cells name their hypothesis by id; only questions with m as a hypothesis hold such cells.
  MATCH (m)<-[:HYPOTHESIS]-(q:Question)-[j:JUDGES]->()
  WHERE j.hypothesis = m.id
  SET j.hypothesis = k.id
}
CALL (k, m) {
  MATCH (m)<-[old:JUDGES]-(q:Question)
  MERGE (q)-[n:JUDGES {hypothesis: old.hypothesis}]->(k)
  ON CREATE SET n += properties(old)
}
CALL (k, m) {
  MATCH (m)<-[old:ASSESSES]-(a:Assessment)
  CREATE (a)-[:ASSESSES]->(k)
  DELETE old
}
CALL (k, m) {
  MATCH (m)<-[old:REDIRECTS_TO]-(r:Redirect)
  CREATE (r)-[:REDIRECTS_TO]->(k)
  DELETE old
}
CALL (k, m) {
  MATCH (m)-[old:POSSIBLY_SAME]-(x:Claim)
  WHERE x <> k
  MERGE (k)-[n:POSSIBLY_SAME]-(x)
  ON CREATE SET n += properties(old)
}
DETACH DELETE m
RETURN k.id AS id
