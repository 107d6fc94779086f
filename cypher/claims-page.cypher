// One page of claims in id order, optionally only those whose text or a quote
// on them contains the search string (case-insensitive). Keyset pagination:
// rows after the claim id `after`; ask for one more row than the page holds
// to learn whether another page follows.
// @mode read
// @param search  lower-case search string, or null for every claim
// @param after   claim id the previous page ended with, or null for the first page
// @param limit   maximum number of rows
MATCH (c:Claim)
WHERE ($after IS NULL OR c.id > $after)
  AND ($search IS NULL
       OR toLower(c.text) CONTAINS $search
       OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE toLower(st.quote) CONTAINS $search })
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
ORDER BY claim.id
LIMIT $limit
