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
// claims the source made statements on, their links and themselves, and the
// revisions of its own statements (read from them, not from every statement
// of every claim it spoke on); without filters (the one listing that scans),
// every claim. Where the source stands on each claim is read once, from its
// own statements, never by looking a claim up in a list of its claims (a
// wire outlet speaks on tens of thousands). The candidates are kept or
// dropped by properties kept on write with each claim's standing
// (`directlyAsserted`, `directlyDenied`: cypher/write-claim-standing), not
// by walking each claim's statements; with a source alone, a contradiction
// between two claims it asserts is found from both and kept once by pairing
// the two rows, not by asking the other claim's statements whether the
// source asserts it. Then counted, ordered and cut to the page; the sides
// (who asserts, who denies) are collected for the page's rows only.
// @mode read
// @param claimId          only conflicts on this claim, or null
// @param sourceId         only conflicts involving this source, or null
// @param afterClaim       claim id of the previous page's last row, or null
// @param afterOpposing    opposing claim id of the previous page's last row, or null
// @param afterStatement   earlier statement id of the previous page's last row ('' for the first two kinds), or null
// @param limit            maximum number of rows in the page
// The candidates, each with where the asked-for source stands on it now
// (`mine`: whether it asserts, whether it denies; null without sourceId).
// Each branch's guard comes first, as Grafeo scans the label for a null id
// instead of using the index.
CALL () {
  // Anchored on the claim.
  WITH 1 AS anchored WHERE $claimId IS NOT NULL
  MATCH (a:Claim {id: $claimId})
  CALL (a) {
    WITH a WHERE $sourceId IS NOT NULL
    MATCH (a)<-[:ON]-(st:Statement {current: true})<-[:MADE]-(:Source {id: $sourceId})
    RETURN collect(st.stance) AS stances
  }
  RETURN a, CASE WHEN $sourceId IS NULL THEN null ELSE {asserts: 'ASSERTS' IN stances, denies: 'DENIES' IN stances} END AS mine
  UNION
  // Anchored on the source (without claimId): the claims it spoke on, read
  // from its own statements once (not from each claim's statements).
  WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NOT NULL
  MATCH (:Source {id: $sourceId})-[:MADE]->(st:Statement)-[:ON]->(a:Claim)
  WITH a, collect(CASE WHEN st.current THEN st.stance END) AS stances
  RETURN a, {asserts: 'ASSERTS' IN stances, denies: 'DENIES' IN stances} AS mine
  UNION
  // No filter: every claim.
  WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NULL
  MATCH (a:Claim)
  RETURN a, null AS mine
}
// With a source alone, only the claims it now asserts or denies can hold a
// conflict it takes part in (its revisions are read apart, below).
WITH a, mine WHERE $claimId IS NOT NULL OR mine IS NULL OR mine.asserts OR mine.denies
// Whether someone now asserts the claim (firmly or hedged) and whether
// someone denies it (firmly or doubting), by a statement on the claim itself:
// kept on write with its standing (cypher/write-claim-standing), so read here
// as two properties instead of walking each claim's statements.
WITH a, mine, a.directlyAsserted AS forA, a.directlyDenied AS denied
CALL (a, forA, denied) {
  // Links in both directions between the same two claims make one conflict;
  // the other claim needs someone asserting it.
  WITH a, forA WHERE forA
  MATCH (a)-[l:CONTRADICTS]-(b:Claim)
  WHERE b.directlyAsserted
  WITH b, collect(l) AS links
  RETURN b, links[0].linkedBy AS linkedBy, links[0].reason AS reason, '' AS earlier, null AS later, null AS speaker, null AS reviser, false AS fromLater
  UNION
  // The claim against itself: a denial.
  WITH a, forA, denied WHERE forA AND denied
  RETURN a AS b, null AS linkedBy, null AS reason, '' AS earlier, null AS later, null AS speaker, null AS reviser, false AS fromLater
  UNION
  // A source that changed its account, from a statement on this claim (with
  // a source alone, its revisions are read from its own statements, below).
  WITH a WHERE $claimId IS NOT NULL OR $sourceId IS NULL
  MATCH (a)<-[:ON]-(s:Statement)-[sup:SUPERSEDED_BY]->(t:Statement)-[:ON]->(b:Claim)
  WHERE sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
  MATCH (s)<-[:MADE]-(was:Source)
  MATCH (t)<-[:MADE]-(who:Source)
  RETURN b, null AS linkedBy, null AS reason, s.id AS earlier, t.id AS later, was.id AS speaker, who.id AS reviser, false AS fromLater
  UNION
  // The same, seen from the later statement's claim (the earlier one on another claim).
  WITH a WHERE $claimId IS NOT NULL OR $sourceId IS NULL
  MATCH (a)<-[:ON]-(t:Statement)<-[sup:SUPERSEDED_BY]-(s:Statement)-[:ON]->(b:Claim)
  WHERE b <> a AND sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
  MATCH (s)<-[:MADE]-(was:Source)
  MATCH (t)<-[:MADE]-(who:Source)
  RETURN b, null AS linkedBy, null AS reason, s.id AS earlier, t.id AS later, was.id AS speaker, who.id AS reviser, true AS fromLater
}
// Whether the source asserts the other claim: asked of that claim's own
// assertions, for the rows that have one (with a claim and a source, and
// another claim). With a source alone the pair's two rows meet below instead.
CALL (a, b, mine) {
  WITH a, b, mine WHERE $claimId IS NOT NULL AND mine IS NOT NULL AND a <> b
  MATCH (b)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(:Source {id: $sourceId})
  WITH st LIMIT 1
  RETURN count(st) > 0 AS assertsB
}
// Where the asked-for source stands. A revision found from its later claim
// is kept only when that claim is the one asked for; without filters it is
// found once already, from its earlier claim. (With a source alone, its
// revisions are read from its own statements, below.)
WITH a, b, linkedBy, reason, earlier, later, speaker, reviser, fromLater,
     coalesce(mine.asserts, false) AS onA,
     CASE WHEN a = b THEN coalesce(mine.denies, false) ELSE assertsB END AS onB
WHERE CASE
        WHEN later IS NOT NULL THEN
          (NOT fromLater OR $claimId IS NOT NULL)
          AND ($sourceId IS NULL OR speaker = $sourceId OR reviser = $sourceId)
        WHEN $claimId IS NOT NULL THEN $sourceId IS NULL OR onA OR onB
        WHEN $sourceId IS NOT NULL THEN onA OR (a = b AND onB)
        ELSE a = b OR a.id < b.id
      END
WITH collect({claim: a.id, opposingClaim: b.id, linkedBy: linkedBy, reason: reason, earlier: earlier, later: later, speaker: speaker, reviser: reviser,
              low: CASE WHEN a.id < b.id THEN a.id ELSE b.id END, high: CASE WHEN a.id < b.id THEN b.id ELSE a.id END}) AS rows
// With a source alone, a contradiction between two claims it both asserts is
// found from each of them: it is kept once, from the lower claim id. (The row
// from a claim is the only one of its pair exactly when the source does not
// assert the other claim.)
CALL (rows) {
  WITH rows WHERE $claimId IS NOT NULL OR $sourceId IS NULL
  RETURN rows AS found
  UNION
  WITH rows WHERE $claimId IS NULL AND $sourceId IS NOT NULL
  UNWIND rows AS r
  WITH r.low AS low, r.high AS high, collect(r) AS pair
  RETURN collect(head([r IN pair WHERE size(pair) = 1 OR r.claim < r.opposingClaim])) AS found
}
// With a source alone: the revisions its account takes part in, from its own
// statements (those it revised, and those that revised it), not from every
// statement on every claim it spoke on. Each is seen from the earlier
// statement's claim when the source spoke on that claim (always, when the
// source is the speaker), else from the later one's: an organisation revising
// its official's account on a claim it never spoke on.
CALL () {
  WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NOT NULL
  // Two patterns over all its statements, not a subquery per statement (a
  // wire outlet has tens of thousands); the UNION keeps each pair once.
  CALL () {
    WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NOT NULL
    MATCH (src:Source {id: $sourceId})-[:MADE]->(s:Statement)-[sup:SUPERSEDED_BY]->(t:Statement)
    WHERE sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
    RETURN src, s, t
    UNION
    WITH 1 AS anchored WHERE $claimId IS NULL AND $sourceId IS NOT NULL
    MATCH (src:Source {id: $sourceId})-[:MADE]->(t:Statement)<-[sup:SUPERSEDED_BY]-(s:Statement)
    WHERE sup.revision AND sup.reason <> 'ORIGIN_SUPERSEDED'
    RETURN src, s, t
  }
  MATCH (s)-[:ON]->(sc:Claim)
  MATCH (t)-[:ON]->(tc:Claim)
  MATCH (s)<-[:MADE]-(was:Source)
  MATCH (t)<-[:MADE]-(who:Source)
  CALL (src, was, sc) {
    // The guard first: Grafeo would otherwise walk the earlier claim's statements for every revision.
    WITH src, sc, was WHERE was <> src
    MATCH (sc)<-[:ON]-(y:Statement)<-[:MADE]-(src)
    WITH y LIMIT 1
    RETURN count(y) > 0 AS spokeOnEarlier
  }
  WITH s, t, sc, tc, was, who, was = src OR spokeOnEarlier AS fromEarlier
  RETURN collect({claim: CASE WHEN fromEarlier THEN sc.id ELSE tc.id END, opposingClaim: CASE WHEN fromEarlier THEN tc.id ELSE sc.id END,
                  linkedBy: null, reason: null, earlier: s.id, later: t.id, speaker: was.id, reviser: who.id}) AS revised
}
UNWIND found + revised AS r
// Ordered by keys projected first: sorting by r.claim itself cost Grafeo
// about a third of the query's time at a hub (bench:conflicts).
WITH r, r.claim AS byClaim, r.opposingClaim AS byOpposing, r.earlier AS byEarlier
ORDER BY byClaim, byOpposing, byEarlier
WITH collect(r) AS rows
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
