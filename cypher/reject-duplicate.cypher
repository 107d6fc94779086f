// Marks a listed possible duplicate as rejected by an editor: the pair stays
// stored (so no later import lists it again) but is no longer listed. No row
// when no such pair is listed.
// @mode write
// @param label  Source, Entity or Claim
// @param a      the lower id of the pair
// @param b      the higher id of the pair
// @param by     the editor
// @param at     when (ISO 8601)
CALL () {
  // The label first: a guard in the MATCH's WHERE would keep Grafeo from seeking by id.
  WITH $label AS label WHERE label = 'Source'
  MATCH (:Source {id: $a})-[p:POSSIBLY_SAME]-(:Source {id: $b}) RETURN p
  UNION
  WITH $label AS label WHERE label = 'Entity'
  MATCH (:Entity {id: $a})-[p:POSSIBLY_SAME]-(:Entity {id: $b}) RETURN p
  UNION
  WITH $label AS label WHERE label = 'Claim'
  MATCH (:Claim {id: $a})-[p:POSSIBLY_SAME]-(:Claim {id: $b}) RETURN p
}
SET p.rejected = true, p.by = $by, p.at = $at
RETURN $label AS label, $a AS a, $b AS b, p.reason AS reason, p.key AS key, p.score AS score, true AS rejected
