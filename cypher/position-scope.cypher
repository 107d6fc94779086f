// The claims whose statements' positions may change after a write
// (src/graph/refresh.ts): the claims given, the claims of the statements
// printed in the documents given (a new publication date can move them),
// and every claim linked to any of those by CONTRADICTS (a later assertion
// of a contradicting claim supersedes an earlier one).
// @mode read
// @param claims     list of claim ids
// @param documents  list of document ids
CALL () {
  UNWIND $claims AS id
  MATCH (c:Claim {id: id})
  RETURN collect(c) AS direct
}
CALL () {
  UNWIND $documents AS id
  MATCH (d:Document {id: id})<-[:APPEARS_IN]-(:Statement)-[:ON]->(c:Claim)
  RETURN collect(DISTINCT c) AS printed
}
UNWIND direct + printed AS k
CALL (k) {
  MATCH (k)-[:CONTRADICTS]-(n:Claim)
  RETURN collect(DISTINCT n.id) AS neighbours
}
WITH collect(DISTINCT k.id) AS near, collect(neighbours) AS lists
RETURN reduce(all = near, l IN lists | all + [x IN l WHERE NOT x IN all]) AS claims
