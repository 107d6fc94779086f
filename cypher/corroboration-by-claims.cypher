// How well each given claim is corroborated, and by whom independently,
// computed on the store from current positions only (a superseded statement
// never counts: docs/MODEL.md, "Positions over time"). Two sides are built:
// - FOR the claim: sources with a current assertion of it, or of a claim
//   that IMPLIES it (at any depth; such a source is marked implied);
// - AGAINST it: sources with a current denial of it or of a claim it
//   IMPLIES, or a current assertion of a claim that CONTRADICTS it (or
//   contradicts a claim it implies, or implies a claim that does).
// A hedged assertion FOR is a hedge, a hedged denial a doubt: both are
// counted apart and join no cluster of the firm counts; a hedged assertion of
// a contradicting claim is not against. `leaningFor` and `leaningAgainst`
// cluster every source on each side, hedged or firm (how the evidence
// weighs, for credibility: docs/ANALYSIS.md). On each side, sources are merged into one cluster
// when they are not independent of each other:
// - AFFILIATION: they share a top-level affiliation (one is affiliated with
//   the other, or both with a common parent, at any depth);
// - DERIVATION: one's statement was derived (DERIVED_FROM, at any depth)
//   from the other's, or both from a third source's.
// Nothing else merges speakers: not intermediaries, not publishers.
// Merging is transitive. A group counts as one source whatever its head
// count. `merges` lists, for each key two or more sources share, each of them
// paired with the first, with the reason.
// Also, for credibility and status (docs/ANALYSIS.md): the claim's status
// (REFUTED only by an editor's latest assessment with verdict FALSE; then
// CONTESTED when any source is against it or doubts it; CORROBORATED when at
// least 2 independent clusters assert it; else UNVERIFIED), the latest
// assessment, and the best reliability grade among the asserting sources
// (each source's latest rating; F when none is recorded) with the sources
// holding it.
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
    MATCH (c)<-[:IMPLIES*0..]-(a:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
    RETURN 'for' AS side, s, st, CASE WHEN a = c THEN null ELSE a.id END AS through
    UNION
    MATCH (c)-[:IMPLIES*0..]->(b:Claim)<-[:ON]-(st:Statement {stance: 'DENIES', current: true})<-[:MADE]-(s:Source)
    RETURN 'against' AS side, s, st, CASE WHEN b = c THEN null ELSE b.id END AS through
    UNION
    MATCH (c)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(x:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
    RETURN 'against' AS side, s, st, x.id AS through
  }
  WITH side, s, st, through, coalesce(st.hedged, false) AS hedged
  // The origin of a derived statement: the end of its DERIVED_FROM chain (null
  // when none: MATCH, not OPTIONAL MATCH, since collect over no row still gives
  // one row, and Grafeo plans OPTIONAL MATCH here as a join over every node).
  CALL (st) {
    MATCH (st)-[:DERIVED_FROM*1..]->(o:Statement)<-[:MADE]-(os:Source)
    WHERE NOT (o)-[:DERIVED_FROM]->(:Statement)
    RETURN head(collect(os.id)) AS origin
  }
  WITH side, s, hedged, collect({statement: st.id, stance: st.stance, through: through, origin: origin}) AS said
  WITH side, s, hedged, said, [x IN said WHERE x.through IS NULL] AS direct
  CALL (s) {
    MATCH (s)-[:AFFILIATED_WITH*0..]->(root:Source)
    WHERE NOT (root)-[:AFFILIATED_WITH]->(:Source)
    RETURN collect(DISTINCT root.id) AS roots
  }
  WITH side, s, hedged, said, direct, roots,
       [x IN said WHERE x.origin IS NOT NULL AND x.origin <> s.id | x.origin] AS origins
  RETURN collect({side: side, hedged: hedged, id: s.id, anonymous: s.anonymous, roots: roots,
                  implied: size(direct) = 0, through: [x IN said WHERE x.through IS NOT NULL | x.through],
                  denies: size([x IN said WHERE x.stance = 'DENIES']) > 0,
                  derivations: [x IN said WHERE x.origin IS NOT NULL AND x.origin <> s.id | {statement: x.statement, origin: x.origin}],
                  keys: [r IN roots | 'a:' + r] + ['o:' + s.id] + [o IN origins | 'o:' + o]}) AS all
}
CALL (c) {
  MATCH (c)<-[:ON]-(:Statement {stance: 'WITHDRAWS', current: true})<-[:MADE]-(s:Source)
  RETURN count(DISTINCT s) AS withdrawn
}
CALL (c) {
  MATCH (c)<-[:ASSESSES]-(a:Assessment)
  WITH a ORDER BY a.seq DESC, a.id DESC
  RETURN head(collect(a {.id, .verdict, .by, .at})) AS assessment
}
WITH key, all, withdrawn, assessment, countClusters,
     // One member per (side, source, hedged): these count distinct sources.
     size([x IN all WHERE x.side = 'for' AND x.hedged]) AS hedging,
     size([x IN all WHERE x.side = 'against' AND x.hedged AND x.denies]) AS doubting,
     size([x IN all WHERE x.side = 'against' AND NOT x.hedged AND x.denies]) AS denying
UNWIND ['for', 'against'] AS side
WITH key, hedging, doubting, denying, withdrawn, assessment, countClusters, side,
     [m IN all WHERE m.side = side AND NOT m.hedged] AS group, [m IN all WHERE m.side = side] AS leaning
// Union of overlapping key sets: each step keeps the clusters disjoint from
// the new member and merges the rest into it. (`countClusters` is false only
// where the caller needs no cluster: a status filter for CONTESTED or
// REFUTED, which the status rule decides before it looks at clusters.)
WITH key, hedging, doubting, denying, withdrawn, assessment, side, group,
     CASE WHEN countClusters THEN
       reduce(clusters = [], m IN group |
         [cl IN clusters WHERE none(k IN cl.keys WHERE k IN m.keys)]
         + [reduce(merged = {keys: m.keys, sources: [m.id]}, cl IN [x IN clusters WHERE any(k IN x.keys WHERE k IN m.keys)] |
              {keys: merged.keys + [k IN cl.keys WHERE NOT k IN merged.keys], sources: merged.sources + cl.sources})]
       )
     ELSE [] END AS clusters,
     // The same clusters over every source leaning one way, hedged or firm: how
     // the evidence weighs, for the credibility rule that compares the sides.
     CASE WHEN countClusters THEN
       size(reduce(clusters = [], m IN leaning |
         [cl IN clusters WHERE none(k IN cl WHERE k IN m.keys)]
         + [reduce(merged = m.keys, cl IN [x IN clusters WHERE any(k IN x WHERE k IN m.keys)] | merged + [k IN cl WHERE NOT k IN merged])]
       ))
     ELSE 0 END AS leaningClusters
// </independence-rule>
// Which sources were merged, and why (for the API's explanation): for each
// key two or more sources share (a top-level parent, an origin of derived
// statements), each of them paired with the first, so the list grows with
// the sources, not with their pairs.
CALL (group) {
  UNWIND group AS m
  UNWIND m.keys AS k
  // In id order, so that "the first" is the same whatever order the engine collected the members in.
  WITH k, m.id AS holder ORDER BY k, holder
  WITH k, collect(holder) AS holders
  WHERE size(holders) > 1
  UNWIND holders[1..] AS other
  WITH holders[0] AS a, other AS b, collect(k) AS keys
  RETURN collect({a: a, b: b,
                  roots: [x IN keys WHERE x STARTS WITH 'a:' | substring(x, 2)],
                  origins: [x IN keys WHERE x STARTS WITH 'o:' | substring(x, 2)]}) AS merges
}
WITH key, hedging, doubting, denying, withdrawn, assessment, side, group, clusters, leaningClusters, merges
// <claim-status>
WITH key, hedging, doubting, denying, withdrawn, assessment,
     collect({side: side, group: group, clusters: [cl IN clusters | cl.sources], leaning: leaningClusters, merges: merges}) AS sides
WITH key, hedging, doubting, denying, withdrawn, assessment, head([x IN sides WHERE x.side = 'for']) AS pro, head([x IN sides WHERE x.side = 'against']) AS con
WITH key, hedging, doubting, denying, withdrawn, assessment, pro, con,
     CASE
       WHEN assessment.verdict = 'FALSE' THEN 'REFUTED'
       WHEN size(con.group) > 0 OR doubting > 0 THEN 'CONTESTED'
       WHEN size(pro.clusters) >= 2 THEN 'CORROBORATED'
       ELSE 'UNVERIFIED'
     END AS status
// </claim-status>
CALL (pro) {
  UNWIND pro.group AS m
  MATCH (s:Source {id: m.id})
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
       [m IN pro.group WHERE m.implied | {source: m.id, through: m.through}] AS impliedSources,
       hedging AS hedgingSources,
       denying AS denyingSources,
       doubting AS doubtingSources,
       withdrawn AS withdrawnSources,
       size(con.group) AS contradictedBy,
       size(con.clusters) AS opposingIndependentSources,
       pro.leaning AS leaningFor,
       con.leaning AS leaningAgainst,
       pro.clusters AS clusters,
       pro.merges AS merges,
       [m IN pro.group WHERE size(m.derivations) > 0 | {source: m.id, derivations: m.derivations}] AS derivations,
       con.clusters AS opposingClusters,
       con.merges AS opposingMerges,
       [m IN con.group WHERE size(m.derivations) > 0 | {source: m.id, derivations: m.derivations}] AS opposingDerivations,
       status,
       assessment,
       bestReliability,
       bestRatedSources
