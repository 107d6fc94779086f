// `claimgraph migrate`: one page of a version 1 store's questions (an
// editor's ACH questions, which version 1 bundles could not carry), in id
// order: their hypotheses, the editors' cell overrides and audit fields.
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (q:Question)
WHERE $after IS NULL OR q.id > $after
WITH q ORDER BY q.id LIMIT $limit
RETURN q {.id, .text, .createdAt, .createdBy, .updatedAt, .updatedBy,
          hypotheses: [(q)-[:HYPOTHESIS]->(h:Claim) | h.id],
          cells: [(q)-[j:JUDGES]->(e:Statement) | {hypothesis: j.hypothesis, kind: 'STATEMENT', evidence: e.id, cell: j.cell, reason: j.reason, by: j.by, at: j.at}]
               + [(q)-[j:JUDGES]->(e:Claim) | {hypothesis: j.hypothesis, kind: 'CLAIM', evidence: e.id, cell: j.cell, reason: j.reason, by: j.by, at: j.at}]} AS record
ORDER BY record.id
