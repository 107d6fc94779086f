// The Analysis of Competing Hypotheses matrix of each given question
// (docs/ANALYSIS-ACH.md): its hypotheses ranked, least inconsistent first,
// and its evidence items with one cell per hypothesis. Evidence items are
// (a) the current statements on a hypothesis claim, one item per source,
// claim and position (ASSERTS, HEDGES, DENIES, DOUBTS, WITHDRAWS or a
// silence): statements that say the same thing twice fold into the one with
// the smallest id, listed as its copies; superseded statements are not
// evidence; and (b) every claim, other than the hypotheses, linked to a
// hypothesis by SUPPORTS, CONTRADICTS or IMPLIES (either direction), that
// some source now asserts (firmly or hedged), itself or through a claim that
// implies it. A cell
// is derived from the item's stance and from how its claim X relates to the
// hypothesis H, the first that holds: SAME, CONTRADICTS (directly, or a
// claim one implies contradicts a claim the other implies), IMPLIES (X
// implies H, at any depth), IMPLIED_BY (H implies X), SUPPORTS, UNLINKED; an
// editor's JUDGES override replaces it. Score: the number of INCONSISTENT
// cells; ties go to more CONSISTENT cells, then to the lower claim id. An
// item is diagnostic when its cells are not all the same. Unknown ids yield
// no row.
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
    MATCH (x)<-[:ON]-(st:Statement {current: true})<-[:MADE]-(s:Source)
    WITH x, s, st,
         CASE
           WHEN st.stance = 'ASSERTS' AND coalesce(st.hedged, false) THEN 'HEDGES'
           WHEN st.stance = 'DENIES' AND coalesce(st.hedged, false) THEN 'DOUBTS'
           ELSE st.stance
         END AS position
    WITH x, s, position, st ORDER BY st.id
    WITH x, s, position, collect(st) AS said
    RETURN head(said) AS e, x, position, [c IN tail(said) | c.id] AS copies, 'STATEMENT' AS kind
    UNION
    UNWIND hs AS h
    MATCH (h)-[:SUPPORTS|CONTRADICTS|IMPLIES]-(x:Claim)
    WHERE NOT x IN hs
    WITH DISTINCT x
    // A linked claim that nobody now asserts, itself or through a claim that implies it, is no
    // evidence (its only account was withdrawn or revised).
    WITH x, size([(x)<-[:IMPLIES*0..]-(:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true}) | st.id]) AS asserting
    WHERE asserting > 0
    RETURN x AS e, x, null AS position, [] AS copies, 'CLAIM' AS kind
  }
  UNWIND hs AS h
  // Each link test apart from the CASE: a subquery inside CASE blinds the lint.
  WITH q, e, x, position, copies, kind, h,
       EXISTS { (h)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(x) } AS contradicts,
       EXISTS { (x)-[:IMPLIES*1..]->(h) } AS implies,
       EXISTS { (h)-[:IMPLIES*1..]->(x) } AS impliedBy,
       EXISTS { (h)-[:SUPPORTS]-(x) } AS supports
  WITH q, e, x, position, copies, kind, h,
       CASE
         WHEN x = h THEN 'SAME'
         WHEN contradicts THEN 'CONTRADICTS'
         WHEN implies THEN 'IMPLIES'
         WHEN impliedBy THEN 'IMPLIED_BY'
         WHEN supports THEN 'SUPPORTS'
         ELSE 'UNLINKED'
       END AS relation
  WITH q, e, copies, kind, h, relation,
       CASE
         WHEN kind = 'CLAIM' THEN
           CASE relation WHEN 'CONTRADICTS' THEN 'INCONSISTENT' WHEN 'UNLINKED' THEN 'NEUTRAL' ELSE 'CONSISTENT' END
         WHEN position IN ['ASSERTS', 'HEDGES'] THEN
           CASE relation WHEN 'CONTRADICTS' THEN 'INCONSISTENT' WHEN 'UNLINKED' THEN 'NEUTRAL' ELSE 'CONSISTENT' END
         WHEN position IN ['DENIES', 'DOUBTS'] THEN
           CASE relation WHEN 'SAME' THEN 'INCONSISTENT' WHEN 'IMPLIED_BY' THEN 'INCONSISTENT' WHEN 'CONTRADICTS' THEN 'CONSISTENT' ELSE 'NEUTRAL' END
         ELSE 'NEUTRAL'
       END AS derived,
       head([(q)-[j:JUDGES]->(e) WHERE j.hypothesis = h.id | j {.cell, .reason, .by, .at}]) AS override
  WITH e, copies, kind, h, relation, derived, override, coalesce(override.cell, derived) AS cell
  ORDER BY h.id
  WITH e, copies, kind,
       collect({hypothesis: h.id, relation: relation, derivedCell: derived, cell: cell, override: override}) AS cells,
       count(DISTINCT cell) AS distinctCells,
       collect(CASE WHEN cell = 'INCONSISTENT' THEN h.id END) AS inconsistentWith,
       collect(CASE WHEN cell = 'CONSISTENT' THEN h.id END) AS consistentWith
  ORDER BY kind DESC, e.id
  RETURN collect({kind: kind, id: e.id, copies: copies, diagnostic: distinctCells > 1, cells: cells}) AS evidence,
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
