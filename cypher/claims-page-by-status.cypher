// One page of the claims of one kept-up standing (cypher/write-claim-standing),
// in id order: a seek on the standing index, then the limit, then the
// projection. REFUTED and CONTESTED are statuses as they stand; a claim of
// standing UNVERIFIED has the status UNVERIFIED. (SUPPORTED claims are
// CORROBORATED or UNVERIFIED by their clusters: claims-status-window.)
// @mode read
// @param standing  REFUTED, CONTESTED, SUPPORTED or UNVERIFIED
// @param after     claim id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit     maximum number of rows
MATCH (c:Claim)
WHERE c.standing = $standing AND c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
ORDER BY claim.id
