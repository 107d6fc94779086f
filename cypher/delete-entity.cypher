// Deletes one entity with its ABOUT links. The API runs it only after a
// confirmed deletion preview.
// @mode write
// @param id  entity id
MATCH (n:Entity {id: $id})
DETACH DELETE n
RETURN count(*) AS deleted
