// Links statements to the statements they name, once all of them exist:
// DERIVED_FROM (an own-voice statement that took its content from another's
// statement without saying so) and SUPERSEDES (an explicit revision of the
// same source's earlier statement). Rows are sent only for statements that
// name any; a changed statement's old links were removed by import-statements.
// @mode write
// @param rows  list of {id, derivedFrom, supersedes}: derivedFrom a statement id or null, supersedes a list of statement ids
UNWIND $rows AS row
MATCH (st:Statement {id: row.id})
CALL (st, row) {
  MATCH (origin:Statement {id: row.derivedFrom})
  CREATE (st)-[:DERIVED_FROM]->(origin)
}
CALL (st, row) {
  UNWIND row.supersedes AS revised
  MATCH (old:Statement {id: revised})
  CREATE (st)-[:SUPERSEDES]->(old)
}
RETURN count(st) AS written
