// Named (non-anonymous) sources whose name or an alias has one of the given
// skeletons (src/graph/names.ts): spellings of one name that an import lists
// as possible duplicates for an editor, never merges. One pass over the
// sources.
// @mode read
// @param skeletons  list of name skeletons ("khld msd")
MATCH (s:Source)
WHERE NOT s.anonymous AND any(k IN s.skeletonKeys WHERE k IN $skeletons)
UNWIND [k IN s.skeletonKeys WHERE k IN $skeletons] AS key
RETURN key, s.id AS id, s.kind AS kind
