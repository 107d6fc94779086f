// Fetches statements by id: the statement as the API shows it (its stance
// and firmness, dates, position over time, appearances with their
// intermediaries, derivation and revisions), with the ids of its source and claim.
// @mode read
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (st:Statement {id: id})<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .dateStart, .dateEnd, .datePrecision, .dateBasis,
           source: src.id, claim: c.id,
           appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                                 viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}],
           derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
           supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
           supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])} AS statement
