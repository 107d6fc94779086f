// Rewrites documents by id (only changed rows are sent): every property is
// set from the row, and the publisher moves (the old PUBLISHED_BY goes first).
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note, text, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: publisher is a source id or null
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title,
    d.url = row.url,
    d.publishedAt = row.publishedAt,
    d.note = row.note,
    d.text = row.text,
    d.searchText = row.searchText,
    d.hash = row.hash,
    d.createdAt = coalesce(d.createdAt, row.createdAt),
    d.createdBy = coalesce(d.createdBy, row.createdBy),
    // Stored only where they differ from the created ones (create-*: readers take those for them).
    d.updatedAt = CASE WHEN row.updatedAt = coalesce(d.createdAt, row.createdAt) THEN null ELSE row.updatedAt END,
    d.updatedBy = CASE WHEN row.updatedBy = coalesce(d.createdBy, row.createdBy) THEN null ELSE row.updatedBy END
WITH d, row
CALL (d) {
  MATCH (d)-[old:PUBLISHED_BY]->(:Source)
  DELETE old
}
CALL (d, row) {
  MATCH (publisher:Source {id: row.publisher})
  MERGE (d)-[:PUBLISHED_BY]->(publisher)
}
RETURN count(d) AS written
