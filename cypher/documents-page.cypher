// One page of documents in id order. Keyset pagination as in claims-page. (A
// search ranks instead: documents-search.)
// @mode read
// @param after   document id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit   maximum number of rows
MATCH (d:Document)
WHERE d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN d {.id, .title, .url, .publishedAt, .note, publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id])} AS document
ORDER BY document.id
