// One page of questions in id order, with the ids of their hypothesis claims.
// Keyset pagination on the question id: seek, limit, then project.
// @mode read
// @param after  question id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit  maximum number of rows
MATCH (q:Question)
WHERE q.id > $after
WITH q ORDER BY q.id LIMIT $limit
RETURN q {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
          hypotheses: [(q)-[:HYPOTHESIS]->(h:Claim) | h.id]} AS question
ORDER BY question.id
