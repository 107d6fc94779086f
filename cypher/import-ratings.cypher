// Adds editors' reliability ratings from a bundle to their sources'
// histories: a Rating node per id not stored yet (a rating is never
// rewritten), numbered after the source's ratings already stored, in the
// order given (the importer sorts them by time).
// @mode write
// @param rows  list of {id, source, grade, reason, by, at}
UNWIND $rows AS row
MATCH (s:Source {id: row.source})
WHERE NOT EXISTS { MATCH (:Rating {id: row.id}) }
CALL (s) {
  // MATCH, not OPTIONAL MATCH: an aggregate over no row still gives one row, and
  // Grafeo plans OPTIONAL MATCH here as a join over every node.
  MATCH (s)-[:RATED]->(old:Rating)
  RETURN coalesce(max(old.seq), 0) AS previous
}
CREATE (s)-[:RATED]->(r:Rating {id: row.id, grade: row.grade, reason: row.reason, by: row.by, at: row.at, seq: previous + 1})
RETURN count(r) AS written
