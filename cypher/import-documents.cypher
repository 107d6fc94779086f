// Creates or updates documents and links each to its publisher, when known.
// @mode write
// @param rows  list of {id, title, publisher, url, publishedAt, note}: publisher is a source id or null
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title,
    d.url = row.url,
    d.publishedAt = row.publishedAt,
    d.note = row.note
WITH d, row
OPTIONAL MATCH (publisher:Source {id: row.publisher})
FOREACH (p IN CASE WHEN publisher IS NULL THEN [] ELSE [publisher] END |
  MERGE (d)-[:PUBLISHED_BY]->(p))
RETURN count(d) AS written
