// One page of claims as bundle records, in id order, with the entities they
// are about, their outgoing links (CONTRADICTS, SUPPORTS, IMPLIES), the ids
// merged into them and their audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (c:Claim)
WHERE ($ids IS NULL OR c.id IN $ids) AND ($after IS NULL OR c.id > $after)
WITH c ORDER BY c.id LIMIT $limit
RETURN c {.id, .text, .createdAt, .createdBy, updatedAt: coalesce(c.updatedAt, c.createdAt), updatedBy: coalesce(c.updatedBy, c.createdBy),
          about: [(c)-[:ABOUT]->(e:Entity) | e.id],
          formerIds: [(c)<-[:REDIRECTS_TO]-(r:Redirect) | r.id],
          links: [(c)-[l:CONTRADICTS]->(o:Claim) | {type: 'CONTRADICTS', to: o.id, linkedBy: l.linkedBy, reason: l.reason, createdAt: l.createdAt, createdBy: l.createdBy}]
               + [(c)-[l:SUPPORTS]->(o:Claim) | {type: 'SUPPORTS', to: o.id, linkedBy: l.linkedBy, reason: l.reason, createdAt: l.createdAt, createdBy: l.createdBy}]
               + [(c)-[l:IMPLIES]->(o:Claim) | {type: 'IMPLIES', to: o.id, linkedBy: l.linkedBy, reason: l.reason, createdAt: l.createdAt, createdBy: l.createdBy}]} AS record
ORDER BY record.id
