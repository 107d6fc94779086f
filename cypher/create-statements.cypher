// Creates statements that are new by id (the importer checked that the
// graph holds none of them): who made them, on which claim, and each
// document that printed them (APPEARS_IN, carrying that document's words,
// the intermediaries that carried the statement there, outermost first, and
// where the words stand in the document's text). create-statement-links then
// links derivations and explicit revisions; positions are computed after.
// @mode write
// @param rows  list of {id, source, claim, stance, hedged, hedge, date, madeAt, quote, paraphrase, appearances, searchWords, hash, createdAt, createdBy, updatedAt, updatedBy}: appearances is a list of {document, quote, paraphrase, via, viaDocuments, exact, prefix, suffix} (via: source ids; viaDocuments: a document id or '' per step)
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
CREATE (st:Statement {id: row.id, stance: row.stance, hedged: row.hedged, hedge: row.hedge, date: row.date, madeAt: row.madeAt,
                      quote: row.quote, paraphrase: row.paraphrase, current: true, searchWords: row.searchWords,
                      hash: row.hash, createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
CREATE (src)-[:MADE]->(st)
CREATE (st)-[:ON]->(c)
WITH st, row
CALL (st, row) {
  UNWIND row.appearances AS ap
  MATCH (d:Document {id: ap.document})
  CREATE (st)-[:APPEARS_IN {quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via, viaDocuments: ap.viaDocuments,
                            exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}]->(d)
}
RETURN count(st) AS written
