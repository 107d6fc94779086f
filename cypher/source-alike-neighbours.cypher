// For each given source, the sources it may be under another spelling
// (docs/MODEL.md, "Independence"): the other end of each POSSIBLY_SAME pair
// listed for a SIMILAR_NAME that no editor rejected, both named (anonymous
// sources never match by name: two reports' "three officials" need not be
// the same people). src/graph/independence.ts walks these to the whole
// group of alike names. A given source that does not exist has no row.
// @mode read
// @param ids  source ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
CALL (s) {
  MATCH (s)-[p:POSSIBLY_SAME]-(t:Source)
  WHERE p.reason = 'SIMILAR_NAME' AND p.rejected IS NULL AND NOT s.anonymous AND NOT t.anonymous
  RETURN collect(DISTINCT t.id) AS alike
}
RETURN s.id AS id, alike
