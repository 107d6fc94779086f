// Links statements to the documents that printed them (APPEARS_IN), one row
// per appearance: that document's words, the intermediaries that carried the
// statement there (source ids, outermost first, with each one's own document
// or '' when not known: engines keep no null in a list) and where the words
// stand in the document's text, and the channel's retraction of the printing
// when it was withdrawn (retractedBy a source id, retractedAt a date,
// retractedIn a document id, retractionReason its words; all null when it
// stands). A changed statement's old appearances were removed by import-statements.
// @mode write
// @param rows  list of {statement, document, quote, paraphrase, via, viaDocuments, exact, prefix, suffix, retractedBy, retractedAt, retractedIn, retractionReason}
UNWIND $rows AS row
MATCH (st:Statement {id: row.statement})
MATCH (d:Document {id: row.document})
CREATE (st)-[ap:APPEARS_IN {quote: row.quote, paraphrase: row.paraphrase, via: row.via, viaDocuments: row.viaDocuments,
                            exact: row.exact, prefix: row.prefix, suffix: row.suffix,
                            retractedBy: row.retractedBy, retractedAt: row.retractedAt, retractedIn: row.retractedIn, retractionReason: row.retractionReason}]->(d)
RETURN count(ap) AS written
