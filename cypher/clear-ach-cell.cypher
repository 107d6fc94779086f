// Removes an editor's override of one cell of a question's ACH matrix (the
// evidence is a statement or a claim; the other parameter is null), so the
// derived cell applies again, and records the change on the question. No row
// when there was no such override.
// @mode write
// @param question    question id
// @param hypothesis  claim id of the hypothesis
// @param statement   statement id of the evidence, or null
// @param claim       claim id of the evidence, or null
// @param by          the editor
// @param at          when (ISO 8601)
MATCH (q:Question {id: $question})
CALL (q) {
  MATCH (q)-[j:JUDGES]->(:Statement {id: $statement})
  WHERE j.hypothesis = $hypothesis
  RETURN j
  UNION
  MATCH (q)-[j:JUDGES]->(:Claim {id: $claim})
  WHERE j.hypothesis = $hypothesis
  RETURN j
}
DELETE j
WITH q, count(*) AS removed
SET q.updatedAt = $at, q.updatedBy = $by
RETURN removed
