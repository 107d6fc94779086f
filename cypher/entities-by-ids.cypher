// Fetches entities by id. Unknown ids yield no row.
// @mode read
// @param ids  list of entity ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .description, .aliases} AS entity
