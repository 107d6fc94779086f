// One page of claims in id order. Keyset pagination: rows after the claim
// id `after`; ask for one more row than the page holds to learn whether
// another page follows. (A search ranks instead: claims-search.)
// @mode read
// @param after   claim id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit   maximum number of rows
MATCH (c:Claim)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
ORDER BY claim.id
