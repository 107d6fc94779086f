// The stored names, aliases and descriptions of the given entities, which an
// import folds together with the records it recognises as the same entities.
// @mode read
// @param ids  list of entity ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .description, .descriptionFrom, .aliases, .hash} AS record
