// How many claims whose words match a search have a given status (without a
// search: claims-count-by-status, claims-count-corroborated), computed for
// every candidate claim with the same
// fragments as corroboration-by-claims (cypher/fragments/independence-rule
// and claim-status, included), so that a page and its count list each claim under
// exactly its `Claim.status`. `search` keeps the claims whose
// text or statements' words hold one of the given words (a token of their
// `searchText`, src/graph/names.ts). Candidates are first narrowed by their kept-up standing
// (cypher/write-claim-standing): `standings` lists those the status can come
// from. Clusters are counted only
// for CORROBORATED and UNVERIFIED, which the rule decides by them.
// @mode read
// @param search     list of search words (normalised, see src/graph/names.ts)
// @param standings  the standings a claim of this status has (REFUTED, CONTESTED, SUPPORTED, UNVERIFIED)
// @param status  UNVERIFIED, CORROBORATED, CONTESTED or REFUTED
MATCH (c:Claim)
WHERE c.standing IN $standings
  AND (any(w IN $search WHERE ' ' + c.searchText + ' ' CONTAINS ' ' + w + ' ')
       OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE any(w IN $search WHERE ' ' + st.searchText + ' ' CONTAINS ' ' + w + ' ') })
WITH c, c.id AS key, $status IN ['CORROBORATED', 'UNVERIFIED'] AS countClusters, true AS weighInterests
// @include independence-rule
// No merges are listed here: only the status is wanted.
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group, clusters, leaningClusters, [] AS merges
// @include claim-status
WITH key, status
WHERE status = $status
RETURN count(key) AS total
