// One page of the statements printed in each of the given documents (those
// with an appearance in it), in statement id order, with the document's
// statement count. The page is cut before anything is projected. The
// projection matches statements-by-ids so the API maps both alike; the API
// sorts `page` by id.
// Each row also carries the statement's source and claim as sources-by-ids
// and claims-by-ids project them, so the API primes those loaders instead of
// asking again: fewer round trips per operation.
// @mode read
// @param ids    list of document ids
// @param afters per id, the statement id the previous page ended with (null: the first page)
// @param limit  maximum statements per document (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (d:Document {id: key})
CALL (d) {
  MATCH (d)<-[:APPEARS_IN]-(st:Statement)
  RETURN count(st) AS total
}
CALL (d, after) {
  MATCH (d)<-[:APPEARS_IN]-(st:Statement)
  WHERE after IS NULL OR st.id > after
  WITH st ORDER BY st.id LIMIT $limit
  MATCH (st)<-[:MADE]-(src:Source)
  MATCH (st)-[:ON]->(c:Claim)
  // @include statement-projection
  // collect keeps the order it is given: the page's, sorted again after the expansions.
  WITH *, c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claimNode ORDER BY st.id
  RETURN collect({statement: statement, source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases}, claim: claimNode}) AS page
}
RETURN key, after, total, page
