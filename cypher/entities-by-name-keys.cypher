// Entities whose normalised name or alias equals one of the given keys, so
// that a second article about the same place or person links into the first.
// @mode read
// @param keys  list of normalised names (see src/graph/names.ts)
UNWIND $keys AS key
MATCH (e:Entity)
WHERE e.nameKey = key OR key IN e.aliasKeys
RETURN key, e.id AS id
