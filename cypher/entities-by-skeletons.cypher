// Entities whose name or an alias has one of the given skeletons
// (src/graph/names.ts): spellings of one name that an import lists as
// possible duplicates for an editor, never merges. One pass over the entities.
// @mode read
// @param skeletons  list of name skeletons ("khld msd")
MATCH (e:Entity)
WHERE any(k IN e.skeletonKeys WHERE k IN $skeletons)
UNWIND [k IN e.skeletonKeys WHERE k IN $skeletons] AS key
RETURN key, e.id AS id
