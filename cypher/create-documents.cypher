// Creates documents that are new by id (the importer checked that the graph
// holds none of them), each PUBLISHED_BY its publisher when it has one.
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note, hash, createdAt, createdBy, updatedAt, updatedBy}: publisher is a source id or null
UNWIND $rows AS row
CREATE (d:Document {id: row.id, title: row.title, url: row.url, publishedAt: row.publishedAt, note: row.note, hash: row.hash,
                    createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
WITH d, row
// A unit subquery, not OPTIONAL MATCH: Grafeo seeks the index only in a plain MATCH.
CALL (d, row) {
  MATCH (publisher:Source {id: row.publisher})
  CREATE (d)-[:PUBLISHED_BY]->(publisher)
}
RETURN count(d) AS written
