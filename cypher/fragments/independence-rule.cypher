// The independence rule (docs/MODEL.md, "Independence"): the sources for and
// against claim `c`, each side merged into clusters of sources that are not
// independent of each other. Expects `c`, `key`, `countClusters` (false:
// skip the cluster counting) and `weighInterests` (true: also the side
// 'weighed', the sources against the claim that are not parties to it, and
// `interests`) in scope; leaves key, hedging, doubting, denying, withdrawn,
// assessment, interests, side, group, clusters, leaningClusters.
// A source is a party to the claim (docs/ANALYSIS.md, "Interested parties")
// when it, or a source it is affiliated with at any depth, is one of the
// entities the claim, or a claim it implies or supports, is ABOUT: by its IS_ENTITY link where it has one, else
// by a shared name key (a name or alias of each).
// Included by corroboration-by-claims, claims-page-by-status and
// claims-count-by-status.
CALL (c, weighInterests) {
  // The entities a party is judged by (docs/ANALYSIS.md, "Interested parties"):
  // those of the claim and of every claim it implies or directly supports
  // (what would make an accusation true, or is evidence for it, is the
  // accused's concern too). Read once for the claim, not for each source.
  CALL (c, weighInterests) {
    WITH c WHERE weighInterests
    CALL (c) {
      MATCH (c)-[:IMPLIES*0..]->(j:Claim)
      RETURN j
      UNION
      MATCH (c)-[:SUPPORTS]->(j:Claim)
      RETURN j
    }
    MATCH (j)-[:ABOUT]->(e:Entity)
    RETURN collect(DISTINCT e) AS judgedBy
  }
  CALL (c) {
    MATCH (c)<-[:IMPLIES*0..]-(a:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
    RETURN 'for' AS side, s, st, CASE WHEN a = c THEN null ELSE a.id END AS through
    UNION
    MATCH (c)-[:IMPLIES*0..]->(b:Claim)<-[:ON]-(st:Statement {stance: 'DENIES', current: true})<-[:MADE]-(s:Source)
    RETURN 'against' AS side, s, st, CASE WHEN b = c THEN null ELSE b.id END AS through
    UNION
    MATCH (c)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(opposing:Claim)<-[:ON]-(st:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
    RETURN 'against' AS side, s, st, opposing.id AS through
  }
  // Each statement's origin (the source of the end of its DERIVED_FROM chain,
  // its own source when it is derived from none), each source's top-level
  // affiliations (`roots`) and its group of alike names (`alike`: sources
  // that may be one under two spellings) are kept up on write
  // (cypher/write-statement-origins, write-source-roots, write-source-alike):
  // read here, so nothing is walked beyond the claim's own statements and
  // their sources.
  WITH judgedBy, side, s, st, through, coalesce(st.hedged, false) AS hedged
  WITH judgedBy, side, s, hedged, collect({statement: st.id, stance: st.stance, through: through, origin: st.origin}) AS said
  WITH judgedBy, side, s, hedged, said, [x IN said WHERE x.through IS NULL] AS direct, s.roots AS roots
  WITH judgedBy, side, s, hedged, said, direct, roots,
       [x IN said WHERE x.origin IS NOT NULL AND x.origin <> s.id | x.origin] AS origins
  // Only a voice against is weighed by whether it is a party's: who accuses
  // himself is no less credible for it.
  CALL (s, side, judgedBy) {
    WITH s, judgedBy WHERE side = 'against' AND size(judgedBy) > 0
    MATCH (s)-[:AFFILIATED_WITH*0..]->(a:Source)
    // (A list, not EXISTS inside CASE: Neo4j's semantic analysis gives up on that.)
    WITH judgedBy, a, [(a)-[:IS_ENTITY]->(x:Entity) | x.id] AS linked
    UNWIND judgedBy AS e
    WITH e, a, linked
    WHERE CASE
            WHEN size(linked) > 0 THEN e.id IN linked
            ELSE a.nameKey = e.nameKey OR a.nameKey IN coalesce(e.aliasKeys, []) OR e.nameKey IN coalesce(a.aliasKeys, [])
                 OR any(k IN coalesce(a.aliasKeys, []) WHERE k IN coalesce(e.aliasKeys, []))
          END
    RETURN count(e) > 0 AS interested
  }
  RETURN collect({side: side, hedged: hedged, id: s.id, name: s.name, anonymous: s.anonymous, roots: roots, interested: interested,
                  implied: size(direct) = 0, through: [x IN said WHERE x.through IS NOT NULL | x.through],
                  denies: size([x IN said WHERE x.stance = 'DENIES']) > 0,
                  derivations: [x IN said WHERE x.origin IS NOT NULL AND x.origin <> s.id | {statement: x.statement, origin: x.origin}],
                  keys: [r IN roots | 'a:' + r] + ['o:' + s.id] + [o IN origins | 'o:' + o] + [g IN coalesce(s.alike, []) | 'n:' + g]}) AS all
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
WITH key, all, withdrawn, assessment, countClusters, weighInterests,
     // One member per (side, source, hedged): these count distinct sources.
     size([x IN all WHERE x.side = 'for' AND x.hedged]) AS hedging,
     size([x IN all WHERE x.side = 'against' AND x.hedged AND x.denies]) AS doubting,
     size([x IN all WHERE x.side = 'against' AND NOT x.hedged AND x.denies]) AS denying
// What credibility weighs against the claim without its parties' voices: the
// doubts that remain, and the parties (each with the firm or hedged stand it takes).
// (Built from plain variables: Neo4j's semantic analysis gives up on a list comprehension inside a map literal.)
WITH key, all, withdrawn, assessment, countClusters, weighInterests, hedging, doubting, denying,
     [x IN all WHERE x.side = 'against' AND NOT coalesce(x.interested, false)] AS weighedAgainst,
     [x IN all WHERE x.side = 'against' AND coalesce(x.interested, false)] AS partiesAgainst
WITH key, all, withdrawn, assessment, countClusters, weighInterests, hedging, doubting, denying,
     size([x IN weighedAgainst WHERE x.hedged AND x.denies]) AS weighedDoubting,
     size([x IN weighedAgainst WHERE NOT x.hedged AND x.denies]) AS weighedDenying,
     [x IN partiesAgainst | x.id] AS partyIds, [x IN partiesAgainst | x.name] AS partyNames
WITH key, all, withdrawn, assessment, countClusters, weighInterests, hedging, doubting, denying,
     {doubting: weighedDoubting, denying: weighedDenying, partyIds: partyIds, partyNames: partyNames} AS interests
// The side 'weighed' only where a party is against the claim: else it is the side against as it is.
UNWIND CASE WHEN weighInterests AND size(interests.partyIds) > 0 THEN ['for', 'against', 'weighed'] ELSE ['for', 'against'] END AS side
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, countClusters, side,
     [m IN all WHERE CASE side WHEN 'weighed' THEN m.side = 'against' AND NOT coalesce(m.interested, false) ELSE m.side = side END] AS leaning
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, countClusters, side,
     [m IN leaning WHERE NOT m.hedged] AS group, leaning
// Clusters are the union of overlapping key sets, in two steps. First pieces:
// members with the same first top-level affiliation share its key, so each
// piece lies in one cluster; and of a piece's keys only those another piece
// holds too can merge it with anything (`links`: [piece, key] pairs, grouped
// by the engine). Then each step keeps the clusters disjoint from the next
// piece and merges the rest into it: over pieces and their few linking keys,
// not over every member and all its keys, so a claim with thousands of
// sources costs about what its pieces cost. (`countClusters` is false only
// where the caller needs no cluster: a status filter for CONTESTED or
// REFUTED, which the status rule decides before it looks at clusters.)
CALL (group, countClusters) {
  WITH group WHERE countClusters
  UNWIND group AS m
  WITH head(m.roots) AS piece, collect(m.id) AS sources
  RETURN collect({piece: piece, sources: sources}) AS pieces
}
CALL (group, countClusters) {
  WITH group WHERE countClusters
  UNWIND group AS m
  UNWIND m.keys AS k
  WITH k, collect(DISTINCT head(m.roots)) AS holders
  WHERE size(holders) > 1
  UNWIND holders AS piece
  RETURN collect([piece, k]) AS links
}
// The same over every source leaning one way, hedged or firm: how the
// evidence weighs, for the credibility rule that compares the sides.
CALL (leaning, countClusters) {
  WITH leaning WHERE countClusters
  UNWIND leaning AS m
  RETURN collect(DISTINCT head(m.roots)) AS leaningPieces
}
CALL (leaning, countClusters) {
  WITH leaning WHERE countClusters
  UNWIND leaning AS m
  UNWIND m.keys AS k
  WITH k, collect(DISTINCT head(m.roots)) AS holders
  WHERE size(holders) > 1
  UNWIND holders AS piece
  RETURN collect([piece, k]) AS leaningLinks
}
// A piece with no linking key is a cluster of its own, as it stands: only
// the linked pieces are folded (each fold rebuilds the list of clusters, so
// folding every piece cost the square of their number: 85 % of the
// corroboration of a claim with 1,500 statements).
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group,
     [x IN pieces | {keys: [l IN links WHERE l[0] = x.piece | l[1]], sources: x.sources}] AS keyed,
     [x IN leaningPieces | [l IN leaningLinks WHERE l[0] = x | l[1]]] AS leaningKeyed
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group,
     [p IN keyed WHERE size(p.keys) = 0]
     + reduce(clusters = [], p IN [x IN keyed WHERE size(x.keys) > 0] |
         [cl IN clusters WHERE none(k IN cl.keys WHERE k IN p.keys)]
         + [reduce(merged = p, cl IN [x IN clusters WHERE any(k IN x.keys WHERE k IN p.keys)] |
              {keys: merged.keys + [k IN cl.keys WHERE NOT k IN merged.keys], sources: merged.sources + cl.sources})]
       ) AS clusters,
     size([p IN leaningKeyed WHERE size(p) = 0])
     + size(reduce(clusters = [], p IN [x IN leaningKeyed WHERE size(x) > 0] |
         [cl IN clusters WHERE none(k IN cl WHERE k IN p)]
         + [reduce(merged = p, cl IN [x IN clusters WHERE any(k IN x WHERE k IN p)] | merged + [k IN cl WHERE NOT k IN merged])]
       )) AS leaningClusters
