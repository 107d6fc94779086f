// Creates or rewrites claims by id (only new or changed rows are sent),
// replacing their ABOUT links with the row's entities.
// @mode write
// @param rows  list of {id, text, about, hash, createdAt, createdBy, updatedAt, updatedBy}: about is a list of entity ids
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c.text = row.text,
    c.hash = row.hash,
    c.createdAt = coalesce(c.createdAt, row.createdAt),
    c.createdBy = coalesce(c.createdBy, row.createdBy),
    c.updatedAt = row.updatedAt,
    c.updatedBy = row.updatedBy
WITH c, row
CALL (c) {
  MATCH (c)-[old:ABOUT]->(:Entity)
  DELETE old
}
WITH c, row
CALL (c, row) {
  UNWIND row.about AS entityId
  MATCH (e:Entity {id: entityId})
  MERGE (c)-[:ABOUT]->(e)
  RETURN count(e) AS linked
}
RETURN count(c) AS written
