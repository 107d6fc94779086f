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
  // A unit subquery, not a pattern comprehension: Grafeo cannot nest a comprehension inside one.
  CALL (st) {
    MATCH (st)-[:APPEARS_IN]->(doc:Document)
    RETURN collect(doc {.id, .title, .url, .publishedAt, .note, publisher: head([(doc)-[:PUBLISHED_BY]->(p:Source) | p.id])}) AS printedIn
  }
  RETURN collect({orderKey: orderKey, statement: st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .dateStart, .dateEnd, .datePrecision, .dateBasis,
           source: src.id, claim: c.id,
           appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                                 viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}],
           derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
           supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
           supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])},
                  claim: c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]},
                  documents: printedIn}) AS page
}
RETURN key, after, total, page
