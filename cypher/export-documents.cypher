// One page of documents as bundle records, in id order, with their
// publisher's id, their text, the ids merged into them and audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (d:Document)
WHERE ($ids IS NULL OR d.id IN $ids) AND ($after IS NULL OR d.id > $after)
WITH d ORDER BY d.id LIMIT $limit
RETURN d {.id, .title, .url, .publishedAt, .note, .text, .createdAt, .createdBy, updatedAt: coalesce(d.updatedAt, d.createdAt), updatedBy: coalesce(d.updatedBy, d.createdBy),
          publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id]),
          formerIds: [(d)<-[:REDIRECTS_TO]-(r:Redirect) | r.id]} AS record
ORDER BY record.id
