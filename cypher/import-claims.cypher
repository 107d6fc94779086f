// Rewrites claims by id (only changed rows are sent): the text, and the
// entities they are about replaced by the row's (the old ABOUT links go).
// @mode write
// @param rows  list of {id, text, about, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}: about is a list of entity ids
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c.text = row.text,
    c.searchText = row.searchText,
    c.hash = row.hash,
    c.createdAt = coalesce(c.createdAt, row.createdAt),
    c.createdBy = coalesce(c.createdBy, row.createdBy),
    // Stored only where they differ from the created ones (create-*: readers take those for them).
    c.updatedAt = CASE WHEN row.updatedAt = coalesce(c.createdAt, row.createdAt) THEN null ELSE row.updatedAt END,
    c.updatedBy = CASE WHEN row.updatedBy = coalesce(c.createdBy, row.createdBy) THEN null ELSE row.updatedBy END
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
