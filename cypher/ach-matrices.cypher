// The Analysis of Competing Hypotheses matrix of each given question
// (docs/ANALYSIS-ACH.md): its hypotheses ranked, least inconsistent first,
// and its evidence items with one cell per hypothesis. Evidence items are
// (a) every statement on a hypothesis claim and (b) every claim, other than
// the hypotheses, linked to a hypothesis by SUPPORTS or CONTRADICTS (either
// direction). A cell is derived from the stance and from how the evidence's
// claim is linked to the hypothesis (SAME, CONTRADICTS, which wins over
// SUPPORTS when both are drawn, SUPPORTS, or UNLINKED); an editor's JUDGES
// override replaces it. Score: the number of INCONSISTENT cells; ties go to
// more CONSISTENT cells, then to the lower claim id. An item is diagnostic
// when its cells are not all the same. Unknown ids yield no row.
// @mode read
// @param ids  list of question ids
UNWIND $ids AS key
MATCH (q:Question {id: key})
CALL (q) {
  MATCH (q)-[:HYPOTHESIS]->(h:Claim)
  WITH h ORDER BY h.id
  RETURN collect(h) AS hs
}
CALL (q, hs) {
  CALL (hs) {
    UNWIND hs AS x
    MATCH (x)<-[:ON]-(st:Statement)
    RETURN st AS e, x, st.stance AS stance, 'STATEMENT' AS kind
    UNION
    UNWIND hs AS h
    MATCH (h)-[:SUPPORTS|CONTRADICTS]-(x:Claim)
    WHERE NOT x IN hs
    RETURN DISTINCT x AS e, x, null AS stance, 'CLAIM' AS kind
  }
  UNWIND hs AS h
  WITH q, e, x, stance, kind, h,
       CASE
         WHEN x = h THEN 'SAME'
         WHEN EXISTS { (h)-[:CONTRADICTS]-(x) } THEN 'CONTRADICTS'
         WHEN EXISTS { (h)-[:SUPPORTS]-(x) } THEN 'SUPPORTS'
         ELSE 'UNLINKED'
       END AS relation
  WITH q, e, kind, h, relation,
       CASE
         WHEN kind = 'CLAIM' THEN
           CASE relation WHEN 'SUPPORTS' THEN 'CONSISTENT' WHEN 'CONTRADICTS' THEN 'INCONSISTENT' ELSE 'NEUTRAL' END
         WHEN stance IN ['ASSERTS', 'HEDGES'] THEN
           CASE relation WHEN 'SAME' THEN 'CONSISTENT' WHEN 'SUPPORTS' THEN 'CONSISTENT' WHEN 'CONTRADICTS' THEN 'INCONSISTENT' ELSE 'NEUTRAL' END
         WHEN stance = 'DENIES' THEN
           CASE relation WHEN 'SAME' THEN 'INCONSISTENT' WHEN 'CONTRADICTS' THEN 'CONSISTENT' ELSE 'NEUTRAL' END
         ELSE 'NEUTRAL'
       END AS derived,
       head([(q)-[j:JUDGES]->(e) WHERE j.hypothesis = h.id | j {.cell, .reason, .by, .at}]) AS override
  WITH e, kind, h, relation, derived, override, coalesce(override.cell, derived) AS cell
  ORDER BY h.id
  WITH e, kind,
       collect({hypothesis: h.id, relation: relation, derivedCell: derived, cell: cell, override: override}) AS cells,
       count(DISTINCT cell) AS distinctCells,
       collect(CASE WHEN cell = 'INCONSISTENT' THEN h.id END) AS inconsistentWith,
       collect(CASE WHEN cell = 'CONSISTENT' THEN h.id END) AS consistentWith
  ORDER BY kind DESC, e.id
  RETURN collect({kind: kind, id: e.id, diagnostic: distinctCells > 1, cells: cells}) AS evidence,
         collect(inconsistentWith) AS inconsistentLists,
         collect(consistentWith) AS consistentLists
}
CALL (hs, inconsistentLists, consistentLists) {
  UNWIND hs AS h
  WITH h,
       size([l IN inconsistentLists WHERE h.id IN l]) AS inconsistency,
       size([l IN consistentLists WHERE h.id IN l]) AS consistency
  ORDER BY inconsistency, consistency DESC, h.id
  RETURN collect({claim: h.id, inconsistency: inconsistency, consistency: consistency}) AS ranking
}
RETURN key, ranking, evidence
