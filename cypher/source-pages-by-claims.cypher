// One page of the distinct sources with a statement on each of the given
// claims, any stance, in source id order, with how many there are. Only the
// page's sources are projected.
// @mode read
// @param ids    list of claim ids
// @param afters per id, the source id the previous page ended with (null: the first page)
// @param limit  maximum sources per claim (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(:Statement)<-[:MADE]-(s:Source)
  RETURN count(DISTINCT s) AS total
}
CALL (c, after) {
  MATCH (c)<-[:ON]-(:Statement)<-[:MADE]-(s:Source)
  WHERE after IS NULL OR s.id > after
  WITH DISTINCT s
  WITH s ORDER BY s.id LIMIT $limit
  RETURN collect(s {.id, .name, .kind, .anonymous, .count, .description, .aliases}) AS page
}
RETURN key, after, total, page
