// Fetches claims by id, with the ids of the entities they are about and the standing kept up on
// write (cypher/write-claim-standing; null on a claim written before standings were kept).
// Unknown ids yield no row.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c {.id, .text, .standing, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
