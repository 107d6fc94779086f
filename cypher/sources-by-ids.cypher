// Fetches sources by id. Unknown ids yield no row.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .aliases, entity: head([(s)-[:IS_ENTITY]->(e:Entity) | e.id])} AS source
