// The documents each given source published, as bundle records (publisher
// included), in id order: what a source merge re-points.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (:Source {id: key})<-[:PUBLISHED_BY]-(d:Document)
RETURN key, d {.id, .title, .url, .publishedAt, .note, publisher: key} AS document
ORDER BY key, document.id
