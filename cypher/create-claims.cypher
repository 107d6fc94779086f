// Creates claims that are new by id (the importer checked that the graph
// holds none of them), with what they are about.
// @mode write
// @param rows  list of {id, text, about, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: about is a list of entity ids
UNWIND $rows AS row
CREATE (c:Claim {id: row.id, text: row.text, searchText: row.searchText, hash: row.hash,
                 createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
WITH c, row
CALL (c, row) {
  UNWIND row.about AS entityId
  MATCH (e:Entity {id: entityId})
  CREATE (c)-[:ABOUT]->(e)
}
RETURN count(c) AS written
