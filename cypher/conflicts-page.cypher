// Whose accounts conflict, and on what: one page of conflicts plus the total.
// A conflict is either two claims linked by CONTRADICTS, each asserted or
// hedged by at least one source, or one claim asserted or hedged by some
// sources and denied by others (then opposingClaim is the claim itself).
// Without filters each contradiction appears once (lower claim id first).
// With claimId, conflicts on that claim, oriented so `claim` is it. With
// sourceId, conflicts in which that source's account takes part, oriented so
// the source is on the `sources` side (a denial keeps asserters first).
// Ordered by (claim id, opposing claim id); keyset pagination on that pair.
// How it stays cheap: the candidates start from the filter. With claimId, the
// claim, its CONTRADICTS links (both ways) and itself; with sourceId only, the
// claims the source made statements on, their links and themselves; without
// filters (the one listing that scans), every claim. The candidates are kept
// or dropped by existence checks, counted, ordered and cut to the page; the
// sides (who asserts, who denies) are collected for the page's rows only.
// @mode read
// @param claimId          only conflicts on this claim, or null
// @param sourceId         only conflicts involving this source, or null
// @param afterClaim       claim id of the previous page's last row, or null
// @param afterOpposing    opposing claim id of the previous page's last row, or null
// @param limit            maximum number of rows in the page
// What the asked-for source asserts or hedges, and what it denies (nothing
// without sourceId; the guard comes first, as Grafeo scans the label for a
// null id instead of using the index).
CALL () {
  WITH 1 AS anchored WHERE $sourceId IS NOT NULL
  MATCH (:Source {id: $sourceId})-[:MADE]->(st:Statement)-[:ON]->(x:Claim)
  RETURN collect(DISTINCT CASE WHEN st.stance IN ['ASSERTS', 'HEDGES'] THEN x.id END) AS sourceFor,
         collect(DISTINCT CASE WHEN st.stance = 'DENIES' THEN x.id END) AS sourceDenies
}
CALL () {
  // Anchored on the claim.
  WITH 1 AS anchored WHERE $claimId IS NOT NULL
  MATCH (a:Claim {id: $claimId})
  RETURN a
  UNION
  // Anchored on the source (without claimId): the claims it spoke on.
  WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NOT NULL
  MATCH (:Source {id: $sourceId})-[:MADE]->(:Statement)-[:ON]->(a:Claim)
  RETURN DISTINCT a
  UNION
  // No filter: every claim.
  WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NULL
  MATCH (a:Claim)
  RETURN a
}
// Existence checks only (nothing is collected yet), once per claim. Grafeo
// evaluates every branch of a CASE and runs an EXISTS written in a WHERE as a
// join over every claim, hence these unit subqueries with LIMIT 1.
CALL (a) {
  MATCH (a)<-[:ON]-(st:Statement)
  WHERE st.stance IN ['ASSERTS', 'HEDGES']
  WITH st LIMIT 1
  RETURN count(st) > 0 AS forA
}
WITH sourceFor, sourceDenies, a, forA WHERE forA
CALL (a) {
  MATCH (a)<-[:ON]-(st:Statement)
  WHERE st.stance = 'DENIES'
  WITH st LIMIT 1
  RETURN count(st) > 0 AS denied
}
CALL (a, denied) {
  // Links in both directions between the same two claims make one conflict;
  // the other claim needs someone asserting or hedging it.
  MATCH (a)-[l:CONTRADICTS]-(b:Claim)
  WITH b, collect(l) AS links
  CALL (b) {
    MATCH (b)<-[:ON]-(st:Statement)
    WHERE st.stance IN ['ASSERTS', 'HEDGES']
    WITH st LIMIT 1
    RETURN count(st) > 0 AS forB
  }
  WITH b, links, forB WHERE forB
  RETURN b, links[0].linkedBy AS linkedBy, links[0].reason AS reason
  UNION
  // The claim against itself: a denial.
  WITH a, denied WHERE denied
  RETURN a AS b, null AS linkedBy, null AS reason
}
// Where the asked-for source stands.
WITH a, b, linkedBy, reason, a.id IN sourceFor AS onA,
     CASE WHEN a = b THEN a.id IN sourceDenies ELSE b.id IN sourceFor END AS onB
WHERE CASE
        WHEN $claimId IS NOT NULL THEN $sourceId IS NULL OR onA OR onB
        WHEN $sourceId IS NOT NULL THEN (onA AND (a = b OR NOT onB OR a.id < b.id)) OR (a = b AND onB)
        ELSE a = b OR a.id < b.id
      END
WITH a.id AS claim, b.id AS opposingClaim, linkedBy, reason
ORDER BY claim, opposingClaim
WITH collect({claim: claim, opposingClaim: opposingClaim, linkedBy: linkedBy, reason: reason}) AS rows
WITH size(rows) AS total,
     [r IN rows WHERE $afterClaim IS NULL
                   OR r.claim > $afterClaim
                   OR (r.claim = $afterClaim AND r.opposingClaim > $afterOpposing)][0..$limit] AS page
// The sides, for the page's claims only, each claim once (a claim with
// thousands of statements is on every row of its own page).
CALL (page) {
  UNWIND page AS r
  UNWIND [r.claim, r.opposingClaim] AS id
  WITH DISTINCT id
  MATCH (c:Claim {id: id})
  CALL (c) {
    MATCH (c)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
    WHERE st.stance IN ['ASSERTS', 'HEDGES', 'DENIES']
    RETURN collect(DISTINCT CASE WHEN st.stance = 'DENIES' THEN null ELSE s.id END) AS asserting,
           collect(DISTINCT CASE WHEN st.stance = 'DENIES' THEN s.id END) AS denying
  }
  RETURN collect({id: id, asserting: asserting, denying: denying}) AS sides
}
RETURN total,
       [r IN page | {claim: r.claim, opposingClaim: r.opposingClaim, linkedBy: r.linkedBy, reason: r.reason,
                     sources: head([x IN sides WHERE x.id = r.claim | x.asserting]),
                     opposingSources: head([x IN sides WHERE x.id = r.opposingClaim
                                            | CASE WHEN r.claim = r.opposingClaim THEN x.denying ELSE x.asserting END])}] AS page
