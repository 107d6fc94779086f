// One page of statements as bundle records, in id order: their source and
// claim, their appearances (each document that printed them, with its words,
// the intermediaries, outermost first, the text selector, and the channel's
// retraction when it withdrew the printing), what they
// were derived from, what they revise, the ids merged into them, and audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (st:Statement)
WHERE ($ids IS NULL OR st.id IN $ids) AND ($after IS NULL OR st.id > $after)
WITH st ORDER BY st.id LIMIT $limit
MATCH (st)<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .createdAt, .createdBy, updatedAt: coalesce(st.updatedAt, st.createdAt), updatedBy: coalesce(st.updatedBy, st.createdBy),
           source: src.id, claim: c.id,
           appearances: [(st)-[ap:APPEARS_IN]->(d:Document) | {document: d.id, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                               viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix,
                                                               retractedBy: ap.retractedBy, retractedAt: ap.retractedAt, retractedIn: ap.retractedIn, retractionReason: ap.retractionReason}],
           derivedFrom: head([(st)-[:DERIVED_FROM]->(o:Statement) | o.id]),
           supersedes: [(st)-[:SUPERSEDES]->(o:Statement) | o.id],
           formerIds: [(st)<-[:REDIRECTS_TO]-(r:Redirect) | r.id]} AS record
ORDER BY record.id
