// One page of the statements on each of the given claims, any stance, in
// statement id order (only the current ones when `current` is true), with
// the count of the whole list. The page is cut (ORDER BY, LIMIT) before
// anything is projected, so a claim with 100k statements costs one sort of
// its ids, not 100k projections. The projection matches statements-by-ids so
// the API maps both alike; the order of `page` is not guaranteed (collect),
// the API sorts it by id.
// Each row also carries the statement's source and documents as
// sources-by-ids and documents-by-ids project them, so the API primes those
// loaders instead of asking again: fewer round trips per operation.
// @mode read
// @param ids      list of claim ids
// @param afters   per id, the statement id the previous page ended with (null: the first page)
// @param limit    maximum statements per claim (one more than the page, to learn whether another follows)
// @param current  true: current statements only; false or null: all
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement)
  WHERE $current IS NULL OR NOT $current OR st.current
  RETURN count(st) AS total
}
CALL (c, after) {
  MATCH (c)<-[:ON]-(st:Statement)
  WHERE (after IS NULL OR st.id > after) AND ($current IS NULL OR NOT $current OR st.current)
  WITH st ORDER BY st.id LIMIT $limit
  MATCH (st)<-[:MADE]-(src:Source)
  // A unit subquery, not a pattern comprehension: Grafeo cannot nest a comprehension inside one.
  CALL (st) {
    MATCH (st)-[:APPEARS_IN]->(doc:Document)
    RETURN collect(doc {.id, .title, .url, .publishedAt, .note, publisher: head([(doc)-[:PUBLISHED_BY]->(p:Source) | p.id])}) AS printedIn
  }
  RETURN collect({statement: st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .dateStart, .dateEnd, .datePrecision, .dateBasis,
           source: src.id, claim: c.id,
           appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                                 viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}],
           derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
           supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
           supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])},
                  source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases},
                  documents: printedIn}) AS page
}
RETURN key, after, total, page
