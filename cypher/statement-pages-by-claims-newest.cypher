// One page of the statements on each of the given claims, newest first
// (`orderBy: NEWEST_FIRST`; only the current ones when `current` is true),
// with the count of the whole list. A
// statement's date is the start of its effective date (`dateStart`: said, or
// else first published); undated statements come last; statements of one
// date by id, descending. The order key, `dateStart + ' ' + id` ('' for no
// date), is compared as a string: ISO instants sort as they fall in time, and
// the keyset condition is that key. Cut (ORDER BY, LIMIT) before anything is
// projected, as statement-pages-by-claims does; the projection is that
// query's, each item with its `orderKey`, by which the API sorts `page`.
// @mode read
// @param ids      list of claim ids
// @param afters   per id, the order key (`orderKey`) the previous page ended with (null: the first page)
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
  WHERE $current IS NULL OR NOT $current OR st.current
  WITH st, coalesce(st.dateStart, '') + ' ' + st.id AS orderKey
  WHERE after IS NULL OR orderKey < after
  WITH st, orderKey ORDER BY orderKey DESC LIMIT $limit
  MATCH (st)<-[:MADE]-(src:Source)
  // @include statement-documents
  // @include statement-projection
  // collect keeps the order it is given: the page's, sorted again after the expansions.
  WITH * ORDER BY orderKey DESC
  RETURN collect({orderKey: orderKey, statement: statement, source: src {.id, .name, .kind, .anonymous, .count, .description, .aliases}, documents: printedIn}) AS page
}
RETURN key, after, total, page
