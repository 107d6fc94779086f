// One page of entities as bundle records, in id order, with the ids merged
// into them and their audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (e:Entity)
WHERE ($ids IS NULL OR e.id IN $ids) AND ($after IS NULL OR e.id > $after)
WITH e ORDER BY e.id LIMIT $limit
RETURN e {.id, .name, .description, .aliases, .createdAt, .createdBy, updatedAt: coalesce(e.updatedAt, e.createdAt), updatedBy: coalesce(e.updatedBy, e.createdBy),
          formerIds: [(e)<-[:REDIRECTS_TO]-(r:Redirect) | r.id]} AS record
ORDER BY record.id
