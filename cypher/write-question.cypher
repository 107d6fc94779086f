// Creates or rewrites a question: its text, and its HYPOTHESIS links replaced
// by the given claims (which exist: the caller checked). Overrides (JUDGES)
// on a hypothesis the question no longer has are removed with it. Records
// who wrote it and when; createdAt/createdBy stay once set.
// @mode write
// @param id          question id
// @param text        the question, e.g. "Who was the man killed in Dumayr?"
// @param hypotheses  list of claim ids, at least two, distinct
// @param by          the editor
// @param at          when (ISO 8601)
MERGE (q:Question {id: $id})
SET q.text = $text,
    q.createdAt = coalesce(q.createdAt, $at),
    q.createdBy = coalesce(q.createdBy, $by),
    q.updatedAt = $at,
    q.updatedBy = $by
WITH q
CALL (q) {
  MATCH (q)-[old:HYPOTHESIS]->(c:Claim)
  WHERE NOT c.id IN $hypotheses
  DELETE old
}
WITH q
CALL (q) {
  MATCH (q)-[stale:JUDGES]->()
  WHERE NOT stale.hypothesis IN $hypotheses
  DELETE stale
}
WITH q
CALL (q) {
  UNWIND $hypotheses AS claimId
  MATCH (h:Claim {id: claimId})
  MERGE (q)-[:HYPOTHESIS]->(h)
  RETURN count(h) AS linked
}
RETURN q.id AS id, linked
