// Creates or updates claims and links each to the entities it is about.
// @mode write
// @param rows  list of {id, text, about}: about is a list of entity ids
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c.text = row.text
WITH c, row
CALL (c, row) {
  UNWIND row.about AS entityId
  MATCH (e:Entity {id: entityId})
  MERGE (c)-[:ABOUT]->(e)
  RETURN count(e) AS linked
}
RETURN count(c) AS written
