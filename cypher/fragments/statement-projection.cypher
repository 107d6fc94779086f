// One statement as every statement query projects it, so that the API
// decodes them alike (src/graph/records.ts, toStatement). Expects the
// statement `st`, its source `src` and its claim `c`; adds `statement` and
// keeps the rest. A clause of its own, not an expression inside a map: a
// pattern comprehension inside a map literal stops Neo4j's semantic analysis
// in the lint (test/store/cypher-lint.test.ts).
WITH *, st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .retraction, .dateStart, .dateEnd, .datePrecision, .dateBasis,
     source: src.id, claim: c.id,
     appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                           viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix,
                                                               retractedBy: ap.retractedBy, retractedAt: ap.retractedAt, retractedIn: ap.retractedIn, retractionReason: ap.retractionReason}],
     derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
     supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
     supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])} AS statement
