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
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
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
  CALL (st) {
    MATCH (st)-[:REPORTED_VIA*0..]-(linked:Statement)
    RETURN collect(DISTINCT linked.id) AS relayed
  }
  WITH side, s, roots, collect(relayed) AS relayLists
  WITH side, s, roots, reduce(all = [], l IN relayLists | all + [x IN l WHERE NOT x IN all]) AS relayed
  RETURN collect({side: side, id: s.id, anonymous: s.anonymous, roots: roots, relayed: relayed,
                  keys: [r IN roots | 'a:' + r] + [x IN relayed | 's:' + x]}) AS members
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:ON]-(:Statement {stance: 'HEDGES'})<-[:MADE]-(s:Source)
  RETURN count(DISTINCT s) AS hedging
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:ON]-(:Statement {stance: 'DENIES'})<-[:MADE]-(s:Source)
  RETURN count(DISTINCT s) AS denying
}
UNWIND ['for', 'against'] AS side
WITH key, hedging, denying, side, [m IN members WHERE m.side = side] AS group
// Union of overlapping key sets: each step keeps the clusters disjoint from
// the new member and merges the rest into it.
WITH key, hedging, denying, side, group,
     reduce(clusters = [], m IN group |
       [cl IN clusters WHERE none(k IN cl.keys WHERE k IN m.keys)]
       + [reduce(merged = {keys: m.keys, sources: [m.id]}, cl IN [x IN clusters WHERE any(k IN x.keys WHERE k IN m.keys)] |
            {keys: merged.keys + cl.keys, sources: merged.sources + cl.sources})]
     ) AS clusters
WITH key, hedging, denying, side, group, clusters,
     reduce(pairs = [], i IN range(0, size(group) - 2) |
       pairs + [j IN range(i + 1, size(group) - 1)
                WHERE any(r IN group[i].roots WHERE r IN group[j].roots) OR any(x IN group[i].relayed WHERE x IN group[j].relayed)
                | {a: group[i].id, b: group[j].id,
                   roots: [r IN group[i].roots WHERE r IN group[j].roots],
                   statements: [x IN group[i].relayed WHERE x IN group[j].relayed]}]) AS merges
WITH key, hedging, denying, collect({side: side, group: group, clusters: [cl IN clusters | cl.sources], merges: merges}) AS sides
WITH key, hedging, denying, head([x IN sides WHERE x.side = 'for']) AS pro, head([x IN sides WHERE x.side = 'against']) AS con
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
       con.merges AS opposingMerges
