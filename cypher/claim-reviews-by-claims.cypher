// What a schema.org ClaimReview of each given claim needs: the claim's text,
// its latest assessment, the sources asserting it now, firmly (the claim's
// authors), and the documents that printed the current statements that
// assert it, firmly or hedged (its appearances). A claim without an assessment has a null assessment; an
// unknown claim yields no row.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ASSESSES]-(a:Assessment)
  WITH a ORDER BY a.seq DESC, a.id DESC
  RETURN head(collect(a {.id, .verdict, .rating, .explanation, .url, .by, .at})) AS assessment
}
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
  WHERE st.hedged IS NULL OR NOT st.hedged
  WITH DISTINCT s
  RETURN collect(s {.id, .name, .kind, .anonymous}) AS authors
}
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})-[:APPEARS_IN]->(d:Document)
  WITH DISTINCT d
  RETURN collect(d {.id, .title, .url, .publishedAt}) AS appearances
}
RETURN key, c.text AS text, assessment, authors, appearances
