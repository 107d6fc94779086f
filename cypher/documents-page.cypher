// One page of documents in id order. Keyset pagination as in claims-page. (A
// search ranks instead: documents-search.)
// @mode read
// @param after   document id the previous page ended with, or null for the first page
// @param limit   maximum number of rows
MATCH (d:Document)
WHERE $after IS NULL OR d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN d {.id, .title, .url, .publishedAt, .note, publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id])} AS document
ORDER BY document.id
