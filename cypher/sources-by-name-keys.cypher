// Named (non-anonymous) sources whose normalised name or alias equals one of
// the given keys: how an import recognises "the same ministry" cited by two
// outlets under different ids.
// @mode read
// @param keys  list of normalised names (see src/graph/names.ts)
UNWIND $keys AS key
MATCH (s:Source)
WHERE NOT s.anonymous AND (s.nameKey = key OR key IN s.aliasKeys)
RETURN key, s.id AS id, s.kind AS kind
