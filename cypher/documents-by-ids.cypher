// Fetches documents by id, with their publisher's source id (null when unknown).
// @mode read
// @param ids  list of document ids
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d {.id, .title, .url, .publishedAt, .note, publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id])} AS document
