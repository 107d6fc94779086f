// One page of the statements made by each of the given sources, in statement
// id order, with the source's statement count. The page is cut (ORDER BY,
// LIMIT) before anything is projected, so a source with 100k statements costs
// one sort of its ids. The projection matches statements-by-ids so the API
// maps both alike; the API sorts `page` by id.
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
  RETURN collect(st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                     document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
                     reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])}) AS page
}
RETURN key, after, total, page
