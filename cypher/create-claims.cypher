// Creates claims that are new by id (the importer checked that the graph
// holds none of them), with what they are about.
// @mode write
// @param rows  list of {id, text, about, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: about is a list of entity ids
// `updatedAt`/`updatedBy` equal to `createdAt`/`createdBy` are not stored: readers take the
// created ones for them (audit-by-ids, export-*), and a new record's are the same.
UNWIND $rows AS row
CREATE (c:Claim {id: row.id, text: row.text, searchText: row.searchText, hash: row.hash,
                 createdAt: row.createdAt, createdBy: row.createdBy,
                 updatedAt: CASE WHEN row.updatedAt = row.createdAt THEN null ELSE row.updatedAt END,
                 updatedBy: CASE WHEN row.updatedBy = row.createdBy THEN null ELSE row.updatedBy END})
WITH c, row
CALL (c, row) {
  UNWIND row.about AS entityId
  MATCH (e:Entity {id: entityId})
  CREATE (c)-[:ABOUT]->(e)
}
RETURN count(c) AS written
