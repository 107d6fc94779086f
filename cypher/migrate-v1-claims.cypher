// `claimgraph migrate`: one page of a version 1 store's claims as version 1
// bundle records (claimgraph 0.1's export-claims), in id order, each with its
// entities, its outgoing CONTRADICTS and SUPPORTS links, and audit fields.
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (c:Claim)
WHERE $after IS NULL OR c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
          about: [(c)-[:ABOUT]->(e:Entity) | e.id],
          links: [(c)-[l:CONTRADICTS]->(o:Claim) | {type: 'CONTRADICTS', to: o.id, linkedBy: l.linkedBy, reason: l.reason, createdAt: l.createdAt, createdBy: l.createdBy}]
               + [(c)-[l:SUPPORTS]->(o:Claim) | {type: 'SUPPORTS', to: o.id, linkedBy: l.linkedBy, reason: l.reason, createdAt: l.createdAt, createdBy: l.createdBy}]} AS record
ORDER BY record.id
