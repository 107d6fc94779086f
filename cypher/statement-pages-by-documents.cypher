// One page of the statements reported in each of the given documents, in
// statement id order, with the document's statement count. The page is cut
// before anything is projected. The projection matches statements-by-ids so
// the API maps both alike; the API sorts `page` by id.
// Each row also carries the statement's source and claim as sources-by-ids,
// claims-by-ids and documents-by-ids project them, so the API primes those
// loaders instead of asking again: fewer round trips per operation.
// @mode read
// @param ids    list of document ids
// @param afters per id, the statement id the previous page ended with (null: the first page)
// @param limit  maximum statements per document (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (d:Document {id: key})
CALL (d) {
  MATCH (d)<-[:REPORTED_IN]-(st:Statement)
  RETURN count(st) AS total
}
CALL (d, after) {
  MATCH (d)<-[:REPORTED_IN]-(st:Statement)
  WHERE after IS NULL OR st.id > after
  WITH st ORDER BY st.id LIMIT $limit
  MATCH (st)<-[:MADE]-(src:Source)
  MATCH (st)-[:ON]->(c:Claim)
  RETURN collect({statement: st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                                 document: d.id,
                                 reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])},
                  source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases},
                  claim: c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]}}) AS page
}
RETURN key, after, total, page
