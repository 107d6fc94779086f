// Deletes one entity with its ABOUT links. The API runs it only after a
// confirmed deletion preview.
// @mode write
// @param id  entity id
MATCH (n:Entity {id: $id})
// The ids merged into it go with it.
CALL (n) {
  MATCH (n)<-[:REDIRECTS_TO]-(r:Redirect)
  DETACH DELETE r
}
DETACH DELETE n
RETURN count(*) AS deleted
