// Creates or rewrites questions from a bundle (only new or changed rows are
// sent): the text, the hypotheses replaced by the row's, and the editors'
// cell overrides replaced by the row's (an override is part of the
// question's record). The hypothesis and evidence ids exist: the importer
// checked them.
// @mode write
// @param rows  list of {id, text, hypotheses, cells, hash, createdAt, createdBy, updatedAt, updatedBy}: cells a list of {hypothesis, statement, claim, cell, reason, by, at} (one of statement and claim set)
UNWIND $rows AS row
MERGE (q:Question {id: row.id})
SET q.text = row.text,
    q.hash = row.hash,
    q.createdAt = coalesce(q.createdAt, row.createdAt),
    q.createdBy = coalesce(q.createdBy, row.createdBy),
    q.updatedAt = row.updatedAt,
    q.updatedBy = row.updatedBy
WITH q, row
CALL (q) {
  MATCH (q)-[old:HYPOTHESIS|JUDGES]->()
  DELETE old
}
CALL (q, row) {
  UNWIND row.hypotheses AS claimId
  MATCH (h:Claim {id: claimId})
  CREATE (q)-[:HYPOTHESIS]->(h)
}
CALL (q, row) {
  UNWIND row.cells AS cell
  CALL (cell) {
    MATCH (e:Statement {id: cell.statement})
    RETURN e
    UNION
    MATCH (e:Claim {id: cell.claim})
    RETURN e
  }
  CREATE (q)-[:JUDGES {hypothesis: cell.hypothesis, cell: cell.cell, reason: cell.reason, by: cell.by, at: cell.at}]->(e)
}
RETURN count(q) AS written
