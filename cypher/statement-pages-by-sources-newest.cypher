// One page of the statements made by each of the given sources, newest first
// (`orderBy: NEWEST_FIRST`), with the source's statement count. A
// statement's date is the start of its effective date (`dateStart`: said, or
// else first published); undated statements come last; statements of one
// date by id, descending. The order key, `dateStart + ' ' + id` ('' for no
// date), is compared as a string: ISO instants sort as they fall in time, and
// the keyset condition is that key. Cut (ORDER BY, LIMIT) before anything is
// projected, as statement-pages-by-sources does; the projection is that
// query's, each item with its `orderKey`, by which the API sorts `page`.
// @mode read
// @param ids    list of source ids
// @param afters per id, the order key (`orderKey`) the previous page ended with (null: the first page)
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
  WITH st, coalesce(st.dateStart, '') + ' ' + st.id AS orderKey
  WHERE after IS NULL OR orderKey < after
  WITH st, orderKey ORDER BY orderKey DESC LIMIT $limit
  MATCH (st)-[:ON]->(c:Claim)
  // @include statement-documents
  // @include statement-projection
  // collect keeps the order it is given: the page's, sorted again after the expansions.
  WITH *, c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claimNode ORDER BY orderKey DESC
  RETURN collect({orderKey: orderKey, statement: statement, claim: claimNode, documents: printedIn}) AS page
}
RETURN key, after, total, page
