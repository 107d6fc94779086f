// One page of questions in id order, with the ids of their hypothesis claims.
// Keyset pagination on the question id.
// @mode read
// @param after  question id the previous page ended with, or null for the first page
// @param limit  maximum number of rows
MATCH (q:Question)
WHERE $after IS NULL OR q.id > $after
RETURN q {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
          hypotheses: [(q)-[:HYPOTHESIS]->(h:Claim) | h.id]} AS question
ORDER BY question.id
LIMIT $limit
