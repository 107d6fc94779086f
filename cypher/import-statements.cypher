// Creates or updates statements: who made them, on which claim, reported where.
// @mode write
// @param rows  list of {id, source, claim, stance, quote, paraphrase, hedge, document, madeAt}: source, claim and document are ids (document may be null)
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
MERGE (st:Statement {id: row.id})
SET st.stance = row.stance,
    st.quote = row.quote,
    st.paraphrase = row.paraphrase,
    st.hedge = row.hedge,
    st.madeAt = row.madeAt
MERGE (src)-[:MADE]->(st)
MERGE (st)-[:ON]->(c)
WITH st, row
OPTIONAL MATCH (d:Document {id: row.document})
FOREACH (doc IN CASE WHEN d IS NULL THEN [] ELSE [d] END |
  MERGE (st)-[:REPORTED_IN]->(doc))
RETURN count(st) AS written
