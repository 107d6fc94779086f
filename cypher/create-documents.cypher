// Creates documents that are new by id (the importer checked that the graph
// holds none of them), with their publisher when known.
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note, text, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: publisher is a source id or null
UNWIND $rows AS row
CREATE (d:Document {id: row.id, title: row.title, url: row.url, publishedAt: row.publishedAt, note: row.note, text: row.text,
                    searchText: row.searchText, hash: row.hash,
                    createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
WITH d, row
CALL (d, row) {
  MATCH (publisher:Source {id: row.publisher})
  CREATE (d)-[:PUBLISHED_BY]->(publisher)
}
RETURN count(d) AS written
