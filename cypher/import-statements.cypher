// Rewrites statements by id (only changed rows are sent): every property is
// set from the row, and the references move: a changed statement loses its
// old MADE, ON, APPEARS_IN, DERIVED_FROM and SUPERSEDES links before the new
// ones are written, so nothing doubles (create-appearances and
// create-statement-links write the appearances, derivations and revisions of
// every row again). Positions are computed again after the import.
// @mode write
// @param rows  list of {id, source, claim, stance, hedged, hedge, date, madeAt, quote, paraphrase, current, dateStart, dateEnd, datePrecision, dateBasis, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: as in create-statements
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
MERGE (st:Statement {id: row.id})
SET st.stance = row.stance,
    st.hedged = row.hedged,
    st.hedge = row.hedge,
    st.date = row.date,
    st.madeAt = row.madeAt,
    st.quote = row.quote,
    st.paraphrase = row.paraphrase,
    st.current = row.current,
    st.dateStart = row.dateStart,
    st.dateEnd = row.dateEnd,
    st.datePrecision = row.datePrecision,
    st.dateBasis = row.dateBasis,
    st.searchText = row.searchText,
    st.hash = row.hash,
    st.createdAt = coalesce(st.createdAt, row.createdAt),
    st.createdBy = coalesce(st.createdBy, row.createdBy),
    // Stored only where they differ from the created ones (create-*: readers take those for them).
    st.updatedAt = CASE WHEN row.updatedAt = coalesce(st.createdAt, row.createdAt) THEN null ELSE row.updatedAt END,
    st.updatedBy = CASE WHEN row.updatedBy = coalesce(st.createdBy, row.createdBy) THEN null ELSE row.updatedBy END
WITH st, src, c, row
CALL (st) {
  MATCH (st)-[old:ON|APPEARS_IN|DERIVED_FROM|SUPERSEDES]->()
  DELETE old
}
CALL (st) {
  MATCH (st)<-[old:MADE]-()
  DELETE old
}
MERGE (src)-[:MADE]->(st)
MERGE (st)-[:ON]->(c)
RETURN count(st) AS written
