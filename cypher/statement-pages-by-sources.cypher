// One page of the statements made by each of the given sources, in statement
// id order, with the source's statement count. The page is cut (ORDER BY,
// LIMIT) before anything is projected, so a source with 100k statements costs
// one sort of its ids. The projection matches statements-by-ids so the API
// maps both alike; the API sorts `page` by id.
// Each row also carries the statement's claim and document as sources-by-ids,
// claims-by-ids and documents-by-ids project them, so the API primes those
// loaders instead of asking again: fewer round trips per operation.
// @mode read
// @param ids    list of source ids
// @param afters per id, the statement id the previous page ended with (null: the first page)
// @param limit  maximum statements per source (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (src:Source {id: key})
CALL (src) {
  MATCH (src)-[:MADE]->(st:Statement)
  RETURN count(st) AS total
}
CALL (src, after) {
  MATCH (src)-[:MADE]->(st:Statement)
  WHERE after IS NULL OR st.id > after
  WITH st ORDER BY st.id LIMIT $limit
  MATCH (st)-[:ON]->(c:Claim)
  // A unit subquery, not OPTIONAL MATCH: Grafeo plans that as a join over every node.
  CALL (st) {
    MATCH (st)-[:REPORTED_IN]->(doc:Document)
    RETURN head(collect(doc {.id, .title, .url, .publishedAt, .note, publisher: head([(doc)-[:PUBLISHED_BY]->(p:Source) | p.id])})) AS published
  }
  RETURN collect({statement: st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                                 document: published.id,
                                 reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])},
                  claim: c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]},
                  document: published}) AS page
}
RETURN key, after, total, page
