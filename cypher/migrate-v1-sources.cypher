// `claimgraph migrate`: one page of a version 1 store's sources as version 1
// bundle records (the shape of claimgraph 0.1's export-sources), in id order,
// each with its outgoing affiliations and its audit fields.
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (s:Source)
WHERE $after IS NULL OR s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .aliases,
          .createdAt, .createdBy, .updatedAt, .updatedBy,
          affiliations: [(s)-[a:AFFILIATED_WITH]->(p:Source) | {parent: p.id, role: a.role, createdAt: a.createdAt, createdBy: a.createdBy}]} AS record
ORDER BY record.id
