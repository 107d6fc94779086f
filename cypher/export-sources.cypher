// One page of sources as bundle records, in id order, each with its outgoing
// affiliations, the ids merged into it and its audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (s:Source)
WHERE ($ids IS NULL OR s.id IN $ids) AND ($after IS NULL OR s.id > $after)
WITH s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .aliases,
          .createdAt, .createdBy, updatedAt: coalesce(s.updatedAt, s.createdAt), updatedBy: coalesce(s.updatedBy, s.createdBy),
          formerIds: [(s)<-[:REDIRECTS_TO]-(r:Redirect) | r.id],
          entity: head([(s)-[:IS_ENTITY]->(e:Entity) | e.id]),
          affiliations: [(s)-[a:AFFILIATED_WITH]->(p:Source) | {parent: p.id, role: a.role, createdAt: a.createdAt, createdBy: a.createdBy}]} AS record
ORDER BY record.id
