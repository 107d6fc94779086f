// Keeps each given claim's standing up (docs/MODEL.md, "Properties computed
// on write"): the claim status rule without clusters, by the same fragments
// as corroboration-by-claims (cypher/fragments/independence-rule and
// claim-status), so that the stored and the computed can never differ.
// `standing` is REFUTED, CONTESTED, SUPPORTED (neither, with at least two
// sources firmly for: CORROBORATED or UNVERIFIED, as their clusters decide)
// or UNVERIFIED (neither, with fewer: UNVERIFIED whatever the clusters).
// The counts are of distinct sources with a current position, as the rule
// counts them (through implications and contradicting claims included).
// @mode write
// @param ids  claim ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
WITH c, c.id AS key, false AS countClusters, true AS weighInterests
// @include independence-rule
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group, clusters, leaningClusters, [] AS merges
// @include claim-status
WITH key, hedging, doubting, denying, withdrawn, status,
     size(coalesce(pro.group, [])) AS asserting, size(coalesce(con.group, [])) AS opposing
MATCH (c:Claim {id: key})
SET c.standing = CASE
                   WHEN status <> 'UNVERIFIED' THEN status
                   WHEN asserting >= 2 THEN 'SUPPORTED'
                   ELSE 'UNVERIFIED'
                 END,
    c.asserting = asserting,
    c.hedging = hedging,
    c.denying = denying,
    c.doubting = doubting,
    c.opposing = opposing,
    c.withdrawing = withdrawn,
    c.asserted = asserting + hedging > 0,
    c.denied = opposing + doubting > 0
RETURN count(c) AS written
