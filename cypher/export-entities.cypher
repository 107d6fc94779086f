// One page of entities as bundle records, in id order, with audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (e:Entity)
WHERE ($ids IS NULL OR e.id IN $ids) AND ($after IS NULL OR e.id > $after)
WITH e ORDER BY e.id LIMIT $limit
RETURN e {.id, .name, .description, .aliases, .createdAt, .createdBy, .updatedAt, .updatedBy} AS record
ORDER BY record.id
