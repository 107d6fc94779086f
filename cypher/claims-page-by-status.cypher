// One page of the claims with a given status, in id order, computed on the store for every candidate claim with the same
// fragments as corroboration-by-claims (cypher/fragments/independence-rule
// and claim-status, included), so that a page and its count list each claim under
// exactly its `Claim.status`. `search`, when given, keeps the claims whose
// text or statements' words hold one of the given words (src/graph/names.ts,
// `searchWords`). The only shortcut is a necessary condition: REFUTED needs
// an editor's assessment with the verdict FALSE. Clusters are counted only
// for CORROBORATED and UNVERIFIED, which the rule decides by them.
// @mode read
// @param search  list of search words (normalised, see src/graph/names.ts), or null for every claim
// @param after   claim id the previous page ended with, or null for the first page
// @param limit   maximum number of rows
// @param status  UNVERIFIED, CORROBORATED, CONTESTED or REFUTED
MATCH (c:Claim)
WHERE ($after IS NULL OR c.id > $after)
  AND ($search IS NULL
       OR any(w IN $search WHERE w IN c.searchWords)
       OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE any(w IN $search WHERE w IN st.searchWords) })
  AND ($status <> 'REFUTED' OR EXISTS { MATCH (c)<-[:ASSESSES]-(a:Assessment) WHERE a.verdict = 'FALSE' })
WITH c, c.id AS key, $status IN ['CORROBORATED', 'UNVERIFIED'] AS countClusters
// @include independence-rule
// No merges are listed here: only the status is wanted.
WITH key, hedging, doubting, denying, withdrawn, assessment, side, group, clusters, leaningClusters, [] AS merges
// @include claim-status
WITH key, status
WHERE status = $status
WITH key
ORDER BY key
LIMIT $limit
MATCH (c:Claim {id: key})
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
ORDER BY claim.id
