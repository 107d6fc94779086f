// The claims whose statements' positions may change after a write
// (src/graph/refresh.ts): the claims given, the claims of the statements
// printed in the documents given (a new publication date can move them),
// every claim that contradicts any of those (directly, or through claims
// either implies at any depth), or that IMPLIES links to them at any depth
// either way (a later statement on such a claim can supersede an
// earlier one: docs/MODEL.md, "Positions over time"), and the claims of the
// statements derived from theirs (a derived statement falls with its origin).
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
  WITH k AS n
  RETURN n
  UNION
  MATCH (k)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(n:Claim)
  RETURN n
  UNION
  MATCH (k)-[:IMPLIES*1..]->(n:Claim)
  RETURN n
  UNION
  MATCH (k)<-[:IMPLIES*1..]-(n:Claim)
  RETURN n
  UNION
  MATCH (k)<-[:ON]-(:Statement)<-[:DERIVED_FROM*1..]-(:Statement)-[:ON]->(n:Claim)
  RETURN n
}
RETURN collect(DISTINCT n.id) AS claims
