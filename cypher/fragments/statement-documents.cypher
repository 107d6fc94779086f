// The documents that printed statement `st`, as documents-by-ids projects
// them, as `printedIn`: a unit subquery, not a pattern comprehension, since
// Grafeo cannot nest a comprehension inside one.
CALL (st) {
  MATCH (st)-[:APPEARS_IN]->(doc:Document)
  RETURN collect(doc {.id, .title, .url, .publishedAt, .note, publisher: head([(doc)-[:PUBLISHED_BY]->(p:Source) | p.id])}) AS printedIn
}
