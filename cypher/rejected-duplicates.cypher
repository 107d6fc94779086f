// Which of the given pairs an editor rejected as duplicates (rejectDuplicate):
// an import does not list them again (docs/MODEL.md, "Possible duplicates").
// One index seek per pair's lower id.
// @mode read
// @param rows  list of {label, a, b}: label Source, Entity or Claim; a < b
UNWIND $rows AS row
CALL (row) {
  MATCH (:Source {id: row.a})-[p:POSSIBLY_SAME]-(:Source {id: row.b}) WHERE row.label = 'Source' AND p.rejected = true RETURN p
  UNION
  MATCH (:Entity {id: row.a})-[p:POSSIBLY_SAME]-(:Entity {id: row.b}) WHERE row.label = 'Entity' AND p.rejected = true RETURN p
  UNION
  MATCH (:Claim {id: row.a})-[p:POSSIBLY_SAME]-(:Claim {id: row.b}) WHERE row.label = 'Claim' AND p.rejected = true RETURN p
}
RETURN DISTINCT row.label AS label, row.a AS a, row.b AS b
