// Run by an import after it has written, inside its transaction: the sources
// that are now, through stored and new affiliations together, affiliated
// with themselves, and the statements now relayed through themselves. The
// bundle validator sees only the bundle; this sees the graph. Any id found
// makes the import fail and roll back.
// @mode read
// @param sources     ids of the sources whose affiliations the import wrote
// @param statements  ids of the statements whose relays the import wrote
CALL () {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})-[:AFFILIATED_WITH*1..]->(s)
  RETURN collect(DISTINCT id) AS sources
}
CALL () {
  UNWIND $statements AS id
  MATCH (st:Statement {id: id})-[:REPORTED_VIA*1..]->(st)
  RETURN collect(DISTINCT id) AS statements
}
RETURN sources, statements
