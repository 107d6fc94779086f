// The status of each claim of a window of SUPPORTED claims (kept-up standing,
// cypher/write-claim-standing: neither refuted nor contested, two sources or
// more firmly for), in id order: CORROBORATED or UNVERIFIED as their clusters
// decide, by the same fragments as corroboration-by-claims. The caller takes
// windows until its page is full, so the clusters of a claim are counted
// only when the page may need it; the claims themselves are then loaded by id.
// @mode read
// @param after  claim id the previous window ended with, or '' for the first window (every id is a non-empty string)
// @param limit  how many claims the window holds
MATCH (c:Claim)
WHERE c.standing = 'SUPPORTED' AND c.id > $after
WITH c ORDER BY c.id LIMIT $limit
WITH c, c.id AS key, true AS countClusters, true AS weighInterests
// @include independence-rule
// No merges are listed here: only the status is wanted.
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group, clusters, leaningClusters, [] AS merges
// @include claim-status
RETURN key AS id, status
ORDER BY id
