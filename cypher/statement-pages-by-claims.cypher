// One page of the statements on each of the given claims, any stance, in
// statement id order, with the claim's statement count. The page is cut
// (ORDER BY, LIMIT) before anything is projected, so a claim with 100k
// statements costs one sort of its ids, not 100k projections. The projection
// matches statements-by-ids so the API maps both alike; the order of `page`
// is not guaranteed (collect), the API sorts it by id.
// Each row also carries the statement's source and document as sources-by-ids,
// claims-by-ids and documents-by-ids project them, so the API primes those
// loaders instead of asking again: fewer round trips per operation.
// @mode read
// @param ids    list of claim ids
// @param afters per id, the statement id the previous page ended with (null: the first page)
// @param limit  maximum statements per claim (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement)
  RETURN count(st) AS total
}
CALL (c, after) {
  MATCH (c)<-[:ON]-(st:Statement)
  WHERE after IS NULL OR st.id > after
  WITH st ORDER BY st.id LIMIT $limit
  MATCH (st)<-[:MADE]-(src:Source)
  // A unit subquery, not OPTIONAL MATCH: Grafeo plans that as a join over every node.
  CALL (st) {
    MATCH (st)-[:REPORTED_IN]->(doc:Document)
    RETURN head(collect(doc {.id, .title, .url, .publishedAt, .note, publisher: head([(doc)-[:PUBLISHED_BY]->(p:Source) | p.id])})) AS published
  }
  RETURN collect({statement: st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                                 document: published.id,
                                 reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])},
                  source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases},
                  document: published}) AS page
}
RETURN key, after, total, page
