// Whose accounts conflict, and on what: one page of conflicts plus the total.
// A conflict is either two claims linked by CONTRADICTS, each asserted or
// hedged by at least one source, or one claim asserted or hedged by some
// sources and denied by others (then opposingClaim is the claim itself).
// Without filters each contradiction appears once (lower claim id first).
// With claimId, conflicts on that claim, oriented so `claim` is it. With
// sourceId, conflicts in which that source's account takes part, oriented so
// the source is on the `sources` side (a denial keeps asserters first).
// Ordered by (claim id, opposing claim id); keyset pagination on that pair.
// @mode read
// @param claimId          only conflicts on this claim, or null
// @param sourceId         only conflicts involving this source, or null
// @param afterClaim       claim id of the previous page's last row, or null
// @param afterOpposing    opposing claim id of the previous page's last row, or null
// @param limit            maximum number of rows in the page
CALL () {
  // Links in both directions between the same two claims make one conflict.
  MATCH (a:Claim)-[l:CONTRADICTS]-(b:Claim)
  WITH a, b, collect(l) AS links
  RETURN a, b, links[0].linkedBy AS linkedBy, links[0].reason AS reason
  UNION
  MATCH (a:Claim)<-[:ON]-(:Statement {stance: 'DENIES'})
  RETURN DISTINCT a, a AS b, null AS linkedBy, null AS reason
}
WITH a, b, linkedBy, reason
WHERE $claimId IS NULL OR a.id = $claimId
CALL (a) {
  OPTIONAL MATCH (a)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
  WHERE st.stance IN ['ASSERTS', 'HEDGES']
  RETURN collect(DISTINCT s.id) AS sideA
}
CALL (a, b) {
  OPTIONAL MATCH (b)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
  WHERE (a <> b AND st.stance IN ['ASSERTS', 'HEDGES']) OR (a = b AND st.stance = 'DENIES')
  RETURN collect(DISTINCT s.id) AS sideB
}
WITH a, b, linkedBy, reason, sideA, sideB
WHERE size(sideA) > 0 AND size(sideB) > 0
  AND CASE
        WHEN $claimId IS NOT NULL THEN $sourceId IS NULL OR $sourceId IN sideA OR $sourceId IN sideB
        WHEN $sourceId IS NOT NULL THEN
          ($sourceId IN sideA AND (a = b OR NOT $sourceId IN sideB OR a.id < b.id))
          OR (a = b AND $sourceId IN sideB)
        ELSE a = b OR a.id < b.id
      END
WITH a.id AS claim, b.id AS opposingClaim, sideA AS sources, sideB AS opposingSources, linkedBy, reason
ORDER BY claim, opposingClaim
WITH collect({claim: claim, opposingClaim: opposingClaim, sources: sources,
              opposingSources: opposingSources, linkedBy: linkedBy, reason: reason}) AS rows
RETURN size(rows) AS total,
       [r IN rows WHERE $afterClaim IS NULL
                     OR r.claim > $afterClaim
                     OR (r.claim = $afterClaim AND r.opposingClaim > $afterOpposing)][0..$limit] AS page
