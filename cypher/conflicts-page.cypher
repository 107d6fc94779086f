// Whose accounts conflict, and on what: one page of conflicts plus the total.
// Only current positions take part (docs/MODEL.md, "Positions over time").
// A conflict is one of three kinds:
// - two claims linked by CONTRADICTS, each asserted (firmly or hedged) by at
//   least one source;
// - one claim asserted (firmly or hedged) by some sources and denied
//   (firmly or doubted) by others: then opposingClaim is the claim itself;
// - a REVISION: a source changed its account. Its statement `earlier` (an
//   assertion or denial) is superseded by `later` (its own, or that of an
//   organisation it is affiliated with, which speaks for it), and `later`
//   says something else: another claim, the other stance, another firmness,
//   or a withdrawal (not a derived statement that fell with its origin: its
//   source changed nothing). `claim` is the earlier statement's claim,
//   `opposingClaim` the later one's (the same claim when the stance
//   changed); `sources` the earlier speaker, `opposingSources` the later.
// Without filters each contradiction appears once (lower claim id first).
// With claimId, conflicts on that claim, oriented so `claim` is it. With
// sourceId, conflicts in which that source's account takes part, oriented so
// the source is on the `sources` side (a denial keeps asserters first).
// Ordered by (claim id, opposing claim id, earlier statement id: '' for the
// first two kinds); keyset pagination on that triple.
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
// @param afterStatement   earlier statement id of the previous page's last row ('' for the first two kinds), or null
// @param limit            maximum number of rows in the page
// What the asked-for source asserts, and what it denies, now (nothing
// without sourceId; the guard comes first, as Grafeo scans the label for a
// null id instead of using the index).
CALL () {
  WITH 1 AS anchored WHERE $sourceId IS NOT NULL
  MATCH (:Source {id: $sourceId})-[:MADE]->(st:Statement)-[:ON]->(x:Claim)
  RETURN collect(DISTINCT CASE WHEN st.current AND st.stance = 'ASSERTS' THEN x.id END) AS sourceFor,
         collect(DISTINCT CASE WHEN st.current AND st.stance = 'DENIES' THEN x.id END) AS sourceDenies,
         collect(DISTINCT x.id) AS sourceClaims
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
  MATCH (a)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})
  WITH st LIMIT 1
  RETURN count(st) > 0 AS forA
}
CALL (a) {
  MATCH (a)<-[:ON]-(st:Statement {stance: 'DENIES', current: true})
  WITH st LIMIT 1
  RETURN count(st) > 0 AS denied
}
CALL (a, forA, denied) {
  // Links in both directions between the same two claims make one conflict;
  // the other claim needs someone asserting it.
  WITH a, forA WHERE forA
  MATCH (a)-[l:CONTRADICTS]-(b:Claim)
  WITH b, collect(l) AS links
  CALL (b) {
    MATCH (b)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})
    WITH st LIMIT 1
    RETURN count(st) > 0 AS forB
  }
  WITH b, links, forB WHERE forB
  RETURN b, links[0].linkedBy AS linkedBy, links[0].reason AS reason, '' AS earlier, null AS later, null AS speaker, null AS reviser, false AS fromLater
  UNION
  // The claim against itself: a denial.
  WITH a, forA, denied WHERE forA AND denied
  RETURN a AS b, null AS linkedBy, null AS reason, '' AS earlier, null AS later, null AS speaker, null AS reviser, false AS fromLater
  UNION
  // A source that changed its account, from a statement on this claim.
  MATCH (a)<-[:ON]-(s:Statement)-[sup:SUPERSEDED_BY]->(t:Statement)-[:ON]->(b:Claim)
  WHERE sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
  MATCH (s)<-[:MADE]-(was:Source)
  MATCH (t)<-[:MADE]-(who:Source)
  RETURN b, null AS linkedBy, null AS reason, s.id AS earlier, t.id AS later, was.id AS speaker, who.id AS reviser, false AS fromLater
  UNION
  // The same, seen from the later statement's claim (the earlier one on another claim).
  MATCH (a)<-[:ON]-(t:Statement)<-[sup:SUPERSEDED_BY]-(s:Statement)-[:ON]->(b:Claim)
  WHERE b <> a AND sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
  MATCH (s)<-[:MADE]-(was:Source)
  MATCH (t)<-[:MADE]-(who:Source)
  RETURN b, null AS linkedBy, null AS reason, s.id AS earlier, t.id AS later, was.id AS speaker, who.id AS reviser, true AS fromLater
}
// Where the asked-for source stands. A revision found from its later claim
// is kept only when that claim is the one asked for, or when the source is
// asked for and spoke on the later claim only (an organisation revising its
// official's account on another claim); otherwise it is found once already,
// from its earlier claim.
WITH a, b, linkedBy, reason, earlier, later, speaker, reviser, fromLater, sourceClaims,
     a.id IN sourceFor AS onA,
     CASE WHEN a = b THEN a.id IN sourceDenies ELSE b.id IN sourceFor END AS onB
WHERE CASE
        WHEN later IS NOT NULL THEN
          (NOT fromLater OR $claimId IS NOT NULL OR ($sourceId IS NOT NULL AND NOT b.id IN sourceClaims))
          AND ($sourceId IS NULL OR speaker = $sourceId OR reviser = $sourceId)
        WHEN $claimId IS NOT NULL THEN $sourceId IS NULL OR onA OR onB
        WHEN $sourceId IS NOT NULL THEN (onA AND (a = b OR NOT onB OR a.id < b.id)) OR (a = b AND onB)
        ELSE a = b OR a.id < b.id
      END
WITH a.id AS claim, b.id AS opposingClaim, linkedBy, reason, earlier, later, speaker, reviser
ORDER BY claim, opposingClaim, earlier
WITH collect({claim: claim, opposingClaim: opposingClaim, linkedBy: linkedBy, reason: reason, earlier: earlier, later: later, speaker: speaker, reviser: reviser}) AS rows
WITH size(rows) AS total,
     [r IN rows WHERE $afterClaim IS NULL
                   OR r.claim > $afterClaim
                   OR (r.claim = $afterClaim AND r.opposingClaim > $afterOpposing)
                   OR (r.claim = $afterClaim AND r.opposingClaim = $afterOpposing AND r.earlier > $afterStatement)][0..$limit] AS page
// The sides, for the page's claims only, each claim once (a claim with
// thousands of statements is on every row of its own page).
CALL (page) {
  UNWIND [r IN page WHERE r.later IS NULL] AS r
  UNWIND [r.claim, r.opposingClaim] AS id
  WITH DISTINCT id
  MATCH (c:Claim {id: id})
  CALL (c) {
    MATCH (c)<-[:ON]-(st:Statement {current: true})<-[:MADE]-(s:Source)
    WHERE st.stance IN ['ASSERTS', 'DENIES']
    RETURN collect(DISTINCT CASE WHEN st.stance = 'DENIES' THEN null ELSE s.id END) AS asserting,
           collect(DISTINCT CASE WHEN st.stance = 'DENIES' THEN s.id END) AS denying
  }
  RETURN collect({id: id, asserting: asserting, denying: denying}) AS sides
}
RETURN total,
       [r IN page | CASE WHEN r.later IS NOT NULL
                      THEN {claim: r.claim, opposingClaim: r.opposingClaim, linkedBy: null, reason: null,
                            earlier: r.earlier, later: r.later, sources: [r.speaker], opposingSources: [r.reviser]}
                      ELSE {claim: r.claim, opposingClaim: r.opposingClaim, linkedBy: r.linkedBy, reason: r.reason, earlier: null, later: null,
                            sources: head([x IN sides WHERE x.id = r.claim | x.asserting]),
                            opposingSources: head([x IN sides WHERE x.id = r.opposingClaim
                                                   | CASE WHEN r.claim = r.opposingClaim THEN x.denying ELSE x.asserting END])}
                    END] AS page
