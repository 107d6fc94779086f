// Rewrites the keys and search words of records whose words the current
// rules read differently (src/graph/name-keys.ts), by id: a store's keys are
// rebuilt once when the rules change (docs/MODEL.md, "Names"). Sources and
// entities get their name, alias and skeleton keys too.
// @mode write
// @param sources     list of {id, nameKey, aliasKeys, skeletonKeys, searchText}
// @param entities    list of {id, nameKey, aliasKeys, skeletonKeys, searchText}
// @param documents   list of {id, searchText}
// @param claims      list of {id, searchText}
// @param statements  list of {id, searchText}
CALL () {
  UNWIND $sources AS row
  MATCH (n:Source {id: row.id})
  SET n.nameKey = row.nameKey, n.aliasKeys = row.aliasKeys, n.skeletonKeys = row.skeletonKeys,
      n.searchText = row.searchText
  RETURN count(n) AS sources
}
CALL () {
  UNWIND $entities AS row
  MATCH (n:Entity {id: row.id})
  SET n.nameKey = row.nameKey, n.aliasKeys = row.aliasKeys, n.skeletonKeys = row.skeletonKeys,
      n.searchText = row.searchText
  RETURN count(n) AS entities
}
CALL () {
  UNWIND $documents AS row
  MATCH (n:Document {id: row.id})
  SET n.searchText = row.searchText
  RETURN count(n) AS documents
}
CALL () {
  UNWIND $claims AS row
  MATCH (n:Claim {id: row.id})
  SET n.searchText = row.searchText
  RETURN count(n) AS claims
}
CALL () {
  UNWIND $statements AS row
  MATCH (n:Statement {id: row.id})
  SET n.searchText = row.searchText
  RETURN count(n) AS statements
}
RETURN sources + entities + documents + claims + statements AS rewritten
