// Which of the given pairs of records are linked as possible duplicates
// already, and whether an editor rejected the link: an import lists a pair
// again only while it is undecided, and writes only the pairs not yet stored.
// @mode read
// @param rows  list of {label, a, b}: label Source, Entity or Claim
UNWIND $rows AS row
CALL (row) {
  // The label first: a guard in the MATCH's WHERE would keep Grafeo from seeking by id.
  WITH row WHERE row.label = 'Source'
  MATCH (:Source {id: row.a})-[p:POSSIBLY_SAME]-(:Source {id: row.b}) RETURN p
  UNION
  WITH row WHERE row.label = 'Entity'
  MATCH (:Entity {id: row.a})-[p:POSSIBLY_SAME]-(:Entity {id: row.b}) RETURN p
  UNION
  WITH row WHERE row.label = 'Claim'
  MATCH (:Claim {id: row.a})-[p:POSSIBLY_SAME]-(:Claim {id: row.b}) RETURN p
}
RETURN row.label AS label, row.a AS a, row.b AS b, coalesce(p.rejected, false) AS rejected
