// One page of the sources affiliated with each of the given sources (its
// members, officials, directors), in member id order, with their roles and
// how many there are. An affiliation links two sources at most once (the
// import MERGEs it), so the member id orders the page.
// @mode read
// @param ids    list of source ids
// @param afters per id, the member source id the previous page ended with (null: the first page)
// @param limit  maximum members per source (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after
MATCH (s:Source {id: key})
CALL (s) {
  MATCH (s)<-[:AFFILIATED_WITH]-(m:Source)
  RETURN count(m) AS total
}
CALL (s, after) {
  MATCH (s)<-[a:AFFILIATED_WITH]-(m:Source)
  WHERE after IS NULL OR m.id > after
  WITH m, a ORDER BY m.id LIMIT $limit
  RETURN collect({source: m.id, role: a.role}) AS page
}
RETURN key, after, total, page
