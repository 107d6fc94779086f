// Fetches claims by id, with the ids of the entities they are about. Unknown ids yield no row.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
