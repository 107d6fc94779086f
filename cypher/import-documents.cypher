// Creates or rewrites documents by id (only new or changed rows are sent),
// re-pointing PUBLISHED_BY to the row's publisher (none when it is null).
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note, hash, createdAt, createdBy, updatedAt, updatedBy}: publisher is a source id or null
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title,
    d.url = row.url,
    d.publishedAt = row.publishedAt,
    d.note = row.note,
    d.hash = row.hash,
    d.createdAt = coalesce(d.createdAt, row.createdAt),
    d.createdBy = coalesce(d.createdBy, row.createdBy),
    d.updatedAt = row.updatedAt,
    d.updatedBy = row.updatedBy
WITH d, row
CALL (d) {
  MATCH (d)-[old:PUBLISHED_BY]->(:Source)
  DELETE old
}
// A unit subquery, not OPTIONAL MATCH: Grafeo seeks the index only in a plain MATCH.
CALL (d, row) {
  MATCH (publisher:Source {id: row.publisher})
  MERGE (d)-[:PUBLISHED_BY]->(publisher)
}
RETURN count(d) AS written
