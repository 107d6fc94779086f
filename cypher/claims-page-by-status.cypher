// One page of the claims with a given status, in id order, optionally only
// those whose text or a quote on them contains the search string: claims-page
// with a status filter. The status is computed here, per claim, by the same
// fragments as in corroboration-by-claims (between the independence-rule and
// claim-status markers; test/analysis/status.test.ts keeps the copies
// equal), so a page and the status shown on each claim never disagree.
// Keyset pagination on the claim id, as claims-page: rows after the claim id
// `after`; ask for one more row than the page holds to learn whether another
// page follows.
// @mode read
// @param search  lower-case search string, or null for every claim
// @param after   claim id the previous page ended with, or null for the first page
// @param limit   maximum number of rows
// @param status  UNVERIFIED, CORROBORATED, CONTESTED or REFUTED
MATCH (c:Claim)
WHERE ($after IS NULL OR c.id > $after)
  AND ($search IS NULL
       OR toLower(c.text) CONTAINS $search
       OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE toLower(st.quote) CONTAINS $search })
  // Necessary conditions only, cheap to check, so that the fragments below
  // run on fewer claims; the fragments alone decide the status.
  AND ($status <> 'REFUTED' OR EXISTS { MATCH (c)<-[:ASSESSES]-(a:Assessment) WHERE a.verdict = 'FALSE' })
  AND ($status <> 'CONTESTED'
       OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE st.stance = 'DENIES' }
       OR EXISTS { MATCH (c)-[:CONTRADICTS]-(:Claim)<-[:ON]-(st:Statement) WHERE st.stance = 'ASSERTS' })
  AND (NOT $status IN ['UNVERIFIED', 'CORROBORATED']
       OR NOT (EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE st.stance = 'DENIES' }
               OR EXISTS { MATCH (c)-[:CONTRADICTS]-(:Claim)<-[:ON]-(st:Statement) WHERE st.stance = 'ASSERTS' }))
WITH c, size([(c)<-[:ON]-(st:Statement) WHERE st.stance = 'ASSERTS' | st.id]) AS asserting
WHERE $status <> 'CORROBORATED' OR asserting >= 2
WITH c, c.id AS key, $status IN ['CORROBORATED', 'UNVERIFIED'] AS countClusters
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
WITH key, hedging, denying, assessment, side, group, clusters, [] AS merges
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
WITH key, status
WHERE status = $status
WITH key
ORDER BY key
LIMIT $limit
MATCH (c:Claim {id: key})
RETURN c {.id, .text, about: [(c)-[:ABOUT]->(e:Entity) | e.id]} AS claim
ORDER BY claim.id
