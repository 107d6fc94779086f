// The claims about the given entities, with their text: what an import
// compares new claims with to list likely duplicates for an editor.
// @mode read
// @param ids  list of entity ids
UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[:ABOUT]-(c:Claim)
RETURN DISTINCT c.id AS id, c.text AS text
