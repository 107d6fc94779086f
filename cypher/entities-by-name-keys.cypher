// Entities whose normalised name or alias equals one of the given keys, so
// that a second article about the same place or person links into the first.
// Names are looked up in their index, one seek per key; aliases (a list,
// which no index covers) in one pass over the entities that have any, not
// one pass per key.
// @mode read
// @param keys  list of normalised names (see src/graph/names.ts)
CALL () {
  UNWIND $keys AS key
  MATCH (e:Entity {nameKey: key})
  RETURN collect({key: key, id: e.id}) AS byName
}
CALL () {
  MATCH (e:Entity)
  WHERE size(e.aliasKeys) > 0
  UNWIND e.aliasKeys AS key
  WITH e, key
  WHERE key IN $keys
  RETURN collect({key: key, id: e.id}) AS byAlias
}
UNWIND byName + byAlias AS hit
RETURN hit.key AS key, hit.id AS id
