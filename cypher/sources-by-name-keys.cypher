// Named (non-anonymous) sources whose normalised name or alias equals one of
// the given keys: how an import recognises "the same ministry" cited by two
// outlets under different ids. Names are looked up in their index, one seek
// per key; aliases (a list, which no index covers) in one pass over the
// sources that have any, not one pass per key.
// @mode read
// @param keys  list of normalised names (see src/graph/names.ts)
CALL () {
  UNWIND $keys AS key
  MATCH (s:Source {nameKey: key})
  WHERE NOT s.anonymous
  RETURN collect({key: key, id: s.id, kind: s.kind}) AS byName
}
CALL () {
  MATCH (s:Source)
  WHERE NOT s.anonymous AND size(s.aliasKeys) > 0
  UNWIND s.aliasKeys AS key
  WITH s, key
  WHERE key IN $keys
  RETURN collect({key: key, id: s.id, kind: s.kind}) AS byAlias
}
UNWIND byName + byAlias AS hit
RETURN hit.key AS key, hit.id AS id, hit.kind AS kind
