// Records an editor's override of one cell of a question's ACH matrix: a
// JUDGES relationship from the question to the evidence (a statement or a
// claim; the other parameter is null) for one hypothesis, with the cell, the
// reason, who and when. Replaces an earlier override of the same cell, and
// records the change on the question too. The caller checked that the
// hypothesis and the evidence belong to the question's matrix.
// @mode write
// @param question    question id
// @param hypothesis  claim id of the hypothesis
// @param statement   statement id of the evidence, or null
// @param claim       claim id of the evidence, or null
// @param cell        CONSISTENT, INCONSISTENT or NEUTRAL
// @param reason      why the editor judges the cell so
// @param by          the editor
// @param at          when (ISO 8601)
MATCH (q:Question {id: $question})
CALL () {
  MATCH (e:Statement {id: $statement})
  RETURN e
  UNION
  MATCH (e:Claim {id: $claim})
  RETURN e
}
MERGE (q)-[j:JUDGES {hypothesis: $hypothesis}]->(e)
SET j.cell = $cell, j.reason = $reason, j.by = $by, j.at = $at,
    q.updatedAt = $at, q.updatedBy = $by
RETURN count(j) AS written
