// Links each source to the entity it is (a bundle's `sources[].entity`,
// docs/MODEL.md, "Interested parties"): one entity per source, so a link to
// another entity goes. A source the bundle gives no entity keeps its link.
// @mode write
// @param rows  list of {source, entity}: a source id and an entity id
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
MATCH (e:Entity {id: row.entity})
CALL (s, e) {
  MATCH (s)-[old:IS_ENTITY]->(other:Entity)
  WHERE other <> e
  DELETE old
}
MERGE (s)-[:IS_ENTITY]->(e)
RETURN count(s) AS written
