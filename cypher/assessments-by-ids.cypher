// The editors' assessments with the given ids, each with the claim it
// assesses (for a lookup by global id, `node(id:)`). None for an unknown id.
// @mode read
// @param ids  list of assessment ids
UNWIND $ids AS key
MATCH (a:Assessment {id: key})-[:ASSESSES]->(c:Claim)
RETURN key, a {.id, .verdict, .rating, .explanation, .url, .by, .at, .seq, claim: c.id} AS assessment
