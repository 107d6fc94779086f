// Creates or rewrites statements by id (only new or changed rows are sent):
// who made them, on which claim, reported where. A changed statement loses
// its old MADE, ON, REPORTED_IN and REPORTED_VIA links first, so an edited
// reference moves instead of doubling; import-statement-relays then links
// the relays of every row again.
// @mode write
// @param rows  list of {id, source, claim, stance, quote, paraphrase, hedge, document, madeAt, hash, createdAt, createdBy, updatedAt, updatedBy}: source, claim and document are ids (document may be null)
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
MERGE (st:Statement {id: row.id})
SET st.stance = row.stance,
    st.quote = row.quote,
    st.paraphrase = row.paraphrase,
    st.hedge = row.hedge,
    st.madeAt = row.madeAt,
    st.hash = row.hash,
    st.createdAt = coalesce(st.createdAt, row.createdAt),
    st.createdBy = coalesce(st.createdBy, row.createdBy),
    st.updatedAt = row.updatedAt,
    st.updatedBy = row.updatedBy
WITH st, src, c, row
CALL (st) {
  MATCH (st)-[old:ON|REPORTED_IN|REPORTED_VIA]->()
  DELETE old
}
CALL (st) {
  MATCH (st)<-[old:MADE]-()
  DELETE old
}
MERGE (src)-[:MADE]->(st)
MERGE (st)-[:ON]->(c)
WITH st, row
// A unit subquery, not OPTIONAL MATCH: Grafeo seeks the index only in a plain MATCH.
CALL (st, row) {
  MATCH (d:Document {id: row.document})
  MERGE (st)-[:REPORTED_IN]->(d)
}
RETURN count(st) AS written
