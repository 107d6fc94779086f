// Creates documents that are new by id (the importer checked that the graph
// holds none of them), with their publisher when known.
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note, text, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: publisher is a source id or null
// `updatedAt`/`updatedBy` equal to `createdAt`/`createdBy` are not stored: readers take the
// created ones for them (audit-by-ids, export-*), and a new record's are the same.
UNWIND $rows AS row
CREATE (d:Document {id: row.id, title: row.title, url: row.url, publishedAt: row.publishedAt, note: row.note, text: row.text,
                    searchText: row.searchText, hash: row.hash,
                    createdAt: row.createdAt, createdBy: row.createdBy,
                    updatedAt: CASE WHEN row.updatedAt = row.createdAt THEN null ELSE row.updatedAt END,
                    updatedBy: CASE WHEN row.updatedBy = row.createdBy THEN null ELSE row.updatedBy END})
WITH d, row
CALL (d, row) {
  MATCH (publisher:Source {id: row.publisher})
  CREATE (d)-[:PUBLISHED_BY]->(publisher)
}
RETURN count(d) AS written
