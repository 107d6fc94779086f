// `claimgraph migrate`: one page of a version 1 store's documents as version 1
// bundle records (claimgraph 0.1's export-documents), in id order, with
// publisher and audit fields.
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (d:Document)
WHERE $after IS NULL OR d.id > $after
WITH d ORDER BY d.id LIMIT $limit
RETURN d {.id, .title, .url, .publishedAt, .note, .createdAt, .createdBy, .updatedAt, .updatedBy,
          publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id])} AS record
ORDER BY record.id
