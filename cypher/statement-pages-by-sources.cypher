// One page of the statements made by each of the given sources, in statement
// id order, with the source's statement count. The page is cut (ORDER BY,
// LIMIT) before anything is projected, so a source with 100k statements costs
// one sort of its ids. The projection matches statements-by-ids so the API
// maps both alike; the API sorts `page` by id.
// Each row also carries the statement's claim and documents as claims-by-ids
// and documents-by-ids project them, so the API primes those loaders instead
// of asking again: fewer round trips per operation.
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
  // @include statement-documents
  // @include statement-projection
  // collect keeps the order it is given: the page's, sorted again after the expansions.
  WITH *, c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claimNode ORDER BY st.id
  RETURN collect({statement: statement, claim: claimNode, documents: printedIn}) AS page
}
RETURN key, after, total, page
