// For each given claim, the questions it is a hypothesis in, in question id
// order, with the ids of their hypothesis claims.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})<-[:HYPOTHESIS]-(q:Question)
RETURN key, q {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
               hypotheses: [(q)-[:HYPOTHESIS]->(h:Claim) | h.id]} AS question
ORDER BY key, question.id
