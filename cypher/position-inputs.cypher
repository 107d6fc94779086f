// What the positions of the statements on the given claims are computed
// from (src/graph/positions.ts): each statement on them, and every other
// statement of the same source on the same claim or on a claim linked to it
// by CONTRADICTS, and the statements that explicitly revise any of them;
// with their stances, dates (their own and their documents'), the stored
// positions (to write only what changed) and the CONTRADICTS links among
// those claims.
// @mode read
// @param claims  list of claim ids
CALL () {
  UNWIND $claims AS id
  MATCH (a:Claim {id: id})<-[:ON]-(:Statement)<-[:MADE]-(src:Source)
  WITH DISTINCT a, src
  MATCH (a)-[:CONTRADICTS*0..1]-(b:Claim)<-[:ON]-(t:Statement)<-[:MADE]-(src)
  RETURN collect(DISTINCT t) AS near
}
CALL (near) {
  UNWIND near AS t
  MATCH (t)<-[:SUPERSEDES]-(x:Statement)
  RETURN collect(DISTINCT x) AS revisers
}
UNWIND near + [x IN revisers WHERE NOT x IN near] AS t
MATCH (t)<-[:MADE]-(src:Source)
MATCH (t)-[:ON]->(c:Claim)
RETURN t.id AS id, src.id AS source, c.id AS claim, t.stance AS stance, t.date AS date,
       [(t)-[:APPEARS_IN]->(d:Document) | d.publishedAt] AS published,
       [(t)-[:SUPERSEDES]->(x:Statement) | x.id] AS supersedes,
       [(c)-[:CONTRADICTS]-(o:Claim) | o.id] AS contradicts,
       t.current AS current, t.dateStart AS dateStart, t.dateEnd AS dateEnd, t.datePrecision AS datePrecision, t.dateBasis AS dateBasis,
       head([(t)-[r:SUPERSEDED_BY]->(y:Statement) | [y.id, r.reason]]) AS supersededBy
