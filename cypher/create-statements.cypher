// Creates statements that are new by id (the importer checked that the
// graph holds none of them): who made them, on which claim, reported where.
// create-statement-relays then links their relays.
// @mode write
// @param rows  list of {id, source, claim, stance, quote, paraphrase, hedge, document, madeAt, hash, createdAt, createdBy, updatedAt, updatedBy}: source, claim and document are ids (document may be null)
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
CREATE (st:Statement {id: row.id, stance: row.stance, quote: row.quote, paraphrase: row.paraphrase, hedge: row.hedge, madeAt: row.madeAt,
                      hash: row.hash, createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
CREATE (src)-[:MADE]->(st)
CREATE (st)-[:ON]->(c)
WITH st, row
// A unit subquery, not OPTIONAL MATCH: Grafeo seeks the index only in a plain MATCH.
CALL (st, row) {
  MATCH (d:Document {id: row.document})
  CREATE (st)-[:REPORTED_IN]->(d)
}
RETURN count(st) AS written
