// How many claims are CORROBORATED: of the SUPPORTED claims (kept-up
// standing, cypher/write-claim-standing), those with two independent
// clusters or more, by the same fragments as corroboration-by-claims.
// @mode read
MATCH (c:Claim)
WHERE c.standing = 'SUPPORTED'
WITH c, c.id AS key, true AS countClusters, true AS weighInterests
// @include independence-rule
// No merges are listed here: only the status is wanted.
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group, clusters, leaningClusters, [] AS merges
// @include claim-status
WITH key, status
WHERE status = 'CORROBORATED'
RETURN count(key) AS total
