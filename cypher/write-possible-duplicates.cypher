// Records pairs of records that may be one (src/graph/duplicates.ts): a
// POSSIBLY_SAME link from the lower id to the higher, with why (GENERIC_NAME,
// SIMILAR_NAME, SIMILAR_TEXT), the key or score, and when. A pair an editor
// already decided (confirmed by a merge, which removes one of the two, or
// rejected: `rejected` set) is left as it is.
// @mode write
// @param rows  list of {label, a, b, reason, key, score, at}: label Source, Entity or Claim; a < b
UNWIND $rows AS row
CALL (row) {
  MATCH (x:Source {id: row.a}) MATCH (y:Source {id: row.b}) WHERE row.label = 'Source' RETURN x, y
  UNION
  MATCH (x:Entity {id: row.a}) MATCH (y:Entity {id: row.b}) WHERE row.label = 'Entity' RETURN x, y
  UNION
  MATCH (x:Claim {id: row.a}) MATCH (y:Claim {id: row.b}) WHERE row.label = 'Claim' RETURN x, y
}
MERGE (x)-[p:POSSIBLY_SAME]->(y)
ON CREATE SET p.reason = row.reason, p.key = row.key, p.score = row.score, p.at = row.at
RETURN count(p) AS written
