// `claimgraph migrate`: one page of a version 1 store's entities as version 1
// bundle records (claimgraph 0.1's export-entities), in id order, with audit fields.
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (e:Entity)
WHERE $after IS NULL OR e.id > $after
WITH e ORDER BY e.id LIMIT $limit
RETURN e {.id, .name, .description, .aliases, .createdAt, .createdBy, .updatedAt, .updatedBy} AS record
ORDER BY record.id
