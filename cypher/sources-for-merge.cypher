// The stored names, aliases and descriptions of the given sources, which an
// import folds together with the records it recognises as the same sources.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .descriptionFrom, .aliases, .hash} AS record
