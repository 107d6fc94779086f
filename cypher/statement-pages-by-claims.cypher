// One page of the statements on each of the given claims, any stance, in
// statement id order (only the current ones when `current` is true), with
// the count of the whole list. The page is cut (ORDER BY, LIMIT) before
// anything is projected, so a claim with 100k statements costs one sort of
// its ids, not 100k projections. The projection matches statements-by-ids so
// the API maps both alike; `page` is in statement id order (sorted again
// before collect, which keeps the order it is given).
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
  // @include statement-documents
  // @include statement-projection
  // collect keeps the order it is given: the page's, sorted again after the expansions.
  WITH * ORDER BY st.id
  RETURN collect({statement: statement, source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases}, documents: printedIn}) AS page
}
RETURN key, after, total, page
