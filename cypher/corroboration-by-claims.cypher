// How well each given claim is corroborated, and by whom independently,
// computed on the store. Two sides are built: the sources FOR the claim (they
// assert it) and the sources AGAINST it (they deny it, or assert a claim
// linked to it by CONTRADICTS). On each side, sources are merged into one
// cluster when they are not independent of each other:
// - AFFILIATION: they share a top-level affiliation (one is affiliated with
//   the other, or both with a common parent, at any depth);
// - RELAY: one's statement reached us through the other's, or both through
//   a third (reported speech, quoting: statements joined by REPORTED_VIA in
//   either direction, at any depth). Five outlets that all quote one source
//   are one cluster with it.
// Merging is transitive. A group counts as one source whatever its head
// count. `merges` lists each pair merged directly, with its reason.
// Also, for credibility and status (docs/ANALYSIS.md): the claim's status
// (REFUTED only by an editor's latest assessment with verdict FALSE; then
// CONTESTED when any source is against it; CORROBORATED when at least 2
// independent clusters assert it; else UNVERIFIED), the latest assessment,
// and the best reliability grade among the asserting sources (each source's
// latest rating; F when none is recorded) with the sources holding it.
// The parts between the independence-rule and claim-status markers are
// copied verbatim into claims-page-by-status and claims-count-by-status
// (test/analysis/status.test.ts keeps the copies equal).
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
WITH c, key, true AS countClusters
// <independence-rule>
CALL (c) {
  CALL (c) {
    MATCH (c)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
    WHERE st.stance IN ['ASSERTS', 'DENIES']
    RETURN CASE st.stance WHEN 'ASSERTS' THEN 'for' ELSE 'against' END AS side, s, st
    UNION
    MATCH (c)-[:CONTRADICTS]-(:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS'})<-[:MADE]-(s:Source)
    RETURN 'against' AS side, s, st
  }
  CALL (s) {
    MATCH (s)-[:AFFILIATED_WITH*0..]->(root:Source)
    WHERE NOT (root)-[:AFFILIATED_WITH]->(:Source)
    RETURN collect(DISTINCT root.id) AS roots
  }
  // A chain of reported speech is named by its smallest statement id: every
  // statement on one chain gets the same name, so one key per chain suffices.
  CALL (st) {
    MATCH (st)-[:REPORTED_VIA*0..]-(linked:Statement)
    WITH collect(DISTINCT linked.id) AS ids
    RETURN reduce(least = head(ids), x IN ids | CASE WHEN x < least THEN x ELSE least END) AS chain,
           size(ids) > 1 AS relayed
  }
  WITH side, s, roots, collect(DISTINCT CASE WHEN relayed THEN chain END) AS chains
  WITH side, s, roots, [x IN chains WHERE x IS NOT NULL] AS relayed
  RETURN collect({side: side, id: s.id, anonymous: s.anonymous, roots: roots, relayed: relayed,
                  keys: [r IN roots | 'a:' + r] + [x IN relayed | 's:' + x]}) AS members
}
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
  WHERE st.stance = 'HEDGES'
  RETURN count(DISTINCT s) AS hedging
}
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
  WHERE st.stance = 'DENIES'
  RETURN count(DISTINCT s) AS denying
}
CALL (c) {
  MATCH (c)<-[:ASSESSES]-(a:Assessment)
  WITH a ORDER BY a.seq DESC, a.id DESC
  RETURN head(collect(a {.id, .verdict, .by, .at})) AS assessment
}
UNWIND ['for', 'against'] AS side
WITH key, hedging, denying, assessment, countClusters, side, [m IN members WHERE m.side = side] AS group
// Union of overlapping key sets: each step keeps the clusters disjoint from
// the new member and merges the rest into it. (`countClusters` is false only
// where the caller needs no cluster: a status filter for CONTESTED or
// REFUTED, which the status rule decides before it looks at clusters.)
WITH key, hedging, denying, assessment, side, group,
     CASE WHEN countClusters THEN
       reduce(clusters = [], m IN group |
         [cl IN clusters WHERE none(k IN cl.keys WHERE k IN m.keys)]
         + [reduce(merged = {keys: m.keys, sources: [m.id]}, cl IN [x IN clusters WHERE any(k IN x.keys WHERE k IN m.keys)] |
              {keys: merged.keys + [k IN cl.keys WHERE NOT k IN merged.keys], sources: merged.sources + cl.sources})]
       )
     ELSE [] END AS clusters
// </independence-rule>
// Which sources were merged, and why (for the API's explanation): for each
// key two or more sources share (a top-level parent, a chain of reported
// speech), each of them paired with the first, so the list grows with the
// sources, not with their pairs.
CALL (group) {
  UNWIND group AS m
  UNWIND m.keys AS k
  WITH k, collect(m.id) AS holders
  WHERE size(holders) > 1
  UNWIND holders[1..] AS other
  WITH holders[0] AS a, other AS b, collect(k) AS keys
  RETURN collect({a: a, b: b,
                  roots: [x IN keys WHERE x STARTS WITH 'a:' | substring(x, 2)],
                  statements: [x IN keys WHERE x STARTS WITH 's:' | substring(x, 2)]}) AS merges
}
WITH key, hedging, denying, assessment, side, group, clusters, merges
// <claim-status>
WITH key, hedging, denying, assessment, collect({side: side, group: group, clusters: [cl IN clusters | cl.sources], merges: merges}) AS sides
WITH key, hedging, denying, assessment, head([x IN sides WHERE x.side = 'for']) AS pro, head([x IN sides WHERE x.side = 'against']) AS con
WITH key, hedging, denying, assessment, pro, con,
     CASE
       WHEN assessment.verdict = 'FALSE' THEN 'REFUTED'
       WHEN size(con.group) > 0 THEN 'CONTESTED'
       WHEN size(pro.clusters) >= 2 THEN 'CORROBORATED'
       ELSE 'UNVERIFIED'
     END AS status
// </claim-status>
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(st:Statement)<-[:MADE]-(s:Source)
  WHERE st.stance = 'ASSERTS'
  WITH DISTINCT s
  CALL (s) {
    MATCH (s)-[:RATED]->(r:Rating)
    WITH r ORDER BY r.seq DESC, r.id DESC
    RETURN head(collect(r.grade)) AS latest
  }
  WITH collect({name: s.name, grade: coalesce(latest, 'F')}) AS rated
  WITH rated, reduce(best = null, x IN rated | CASE WHEN best IS NULL OR x.grade < best THEN x.grade ELSE best END) AS best
  RETURN best AS bestReliability, [x IN rated WHERE x.grade = best | x.name] AS bestRatedSources
}
RETURN key,
       size(pro.group) AS assertingSources,
       size(pro.clusters) AS independentSources,
       size([m IN pro.group WHERE m.anonymous]) AS anonymousSources,
       hedging AS hedgingSources,
       denying AS denyingSources,
       size(con.group) AS contradictedBy,
       size(con.clusters) AS opposingIndependentSources,
       pro.clusters AS clusters,
       pro.merges AS merges,
       con.clusters AS opposingClusters,
       con.merges AS opposingMerges,
       status,
       assessment,
       bestReliability,
       bestRatedSources
