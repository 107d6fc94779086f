// How many claims have one kept-up standing (cypher/write-claim-standing):
// an index seek and a count.
// @mode read
// @param standing  REFUTED, CONTESTED, SUPPORTED or UNVERIFIED
MATCH (c:Claim)
WHERE c.standing = $standing
RETURN count(c) AS total
