// Fetches questions (competing hypotheses, docs/ANALYSIS-ACH.md) by id, with
// the ids of their hypothesis claims and who wrote them. Unknown ids yield no row.
// @mode read
// @param ids  list of question ids
UNWIND $ids AS id
MATCH (q:Question {id: id})
RETURN q {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
          hypotheses: [(q)-[:HYPOTHESIS]->(h:Claim) | h.id]} AS question
