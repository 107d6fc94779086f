// One page of the claims about each of the given entities, in claim id
// order, with the count of the whole list.
// @mode read
// @param ids    list of entity ids
// @param afters per id, the claim id the previous page ended with (null: the first page)
// @param limit  maximum claims per entity (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (e:Entity {id: key})
CALL (e) {
  MATCH (e)<-[:ABOUT]-(c:Claim)
  RETURN count(c) AS total
}
CALL (e, after) {
  MATCH (e)<-[:ABOUT]-(c:Claim)
  WHERE after IS NULL OR c.id > after
  WITH c ORDER BY c.id LIMIT $limit
  RETURN collect(c {.id, .text, about: [(c)-[:ABOUT]->(x:Entity) | x.id]}) AS page
}
RETURN key, after, total, page
