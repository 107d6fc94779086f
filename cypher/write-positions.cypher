// Stores the positions computed by src/graph/positions.ts for the statements
// whose position or date changed: whether each is current, its effective
// date, and what supersedes it (SUPERSEDED_BY {reason, revision}, replaced;
// `revision` says whether the account changed, see src/graph/positions.ts),
// and `retraction` (RETRACTED, ORIGIN_RETRACTED or null: its printings, or
// its origin's, all withdrawn by their channels).
// @mode write
// @param rows  list of {id, current, supersededBy, reason, revision, retraction, dateStart, dateEnd, datePrecision, dateBasis}: supersededBy a statement id or null
UNWIND $rows AS row
MATCH (st:Statement {id: row.id})
SET st.current = row.current,
    st.retraction = row.retraction,
    st.dateStart = row.dateStart,
    st.dateEnd = row.dateEnd,
    st.datePrecision = row.datePrecision,
    st.dateBasis = row.dateBasis
WITH st, row
CALL (st) {
  MATCH (st)-[old:SUPERSEDED_BY]->()
  DELETE old
}
CALL (st, row) {
  MATCH (later:Statement {id: row.supersededBy})
  CREATE (st)-[:SUPERSEDED_BY {reason: row.reason, revision: row.revision}]->(later)
}
RETURN count(st) AS written
