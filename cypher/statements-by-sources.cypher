// Every statement made by each of the given sources, ordered by statement id:
// the whole list, for merging one source into another (src/graph/editing.ts).
// The API pages this list instead (statement-pages-by-sources).
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (src:Source {id: key})-[:MADE]->(st:Statement)-[:ON]->(c:Claim)
RETURN key, st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .dateStart, .dateEnd, .datePrecision, .dateBasis,
           source: src.id, claim: c.id,
           appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                                 viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}],
           derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
           supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
           supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])} AS statement
ORDER BY key, statement.id
