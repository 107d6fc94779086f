// The claims whose kept-up standing (cypher/write-claim-standing) can change
// when the current statements on the given claims change, or a link at one
// of them is drawn or removed: the claim itself; every claim it implies at
// any depth (its assertions are for them); every claim that implies it at
// any depth (its denials are against them); and every claim that implies a
// claim contradicting one it implies (its assertions are against those).
// Run before a removal too, while the links it removes still join them.
// @mode read
// @param claims  claim ids
UNWIND $claims AS id
MATCH (t:Claim {id: id})
CALL (t) {
  MATCH (t)<-[:IMPLIES*0..]-(n:Claim)
  RETURN n
  UNION
  MATCH (t)-[:IMPLIES*1..]->(n:Claim)
  RETURN n
  UNION
  MATCH (t)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(n:Claim)
  RETURN n
}
RETURN collect(DISTINCT n.id) AS claims
