// How well each given claim is corroborated, computed on the store.
// Independence rule: two asserting sources count once when they share a
// top-level affiliation (one is affiliated with the other, or both with a
// common parent, at any depth); clusters are merged transitively, so a source
// under two parents joins both parents' clusters. A group counts as one
// source whatever its head count.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
CALL (c) {
  OPTIONAL MATCH (c)<-[:ON]-(:Statement {stance: 'ASSERTS'})<-[:MADE]-(s:Source)
  RETURN collect(DISTINCT s) AS asserting
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:ON]-(:Statement {stance: 'HEDGES'})<-[:MADE]-(s:Source)
  RETURN count(DISTINCT s) AS hedging
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:ON]-(:Statement {stance: 'DENIES'})<-[:MADE]-(s:Source)
  RETURN collect(DISTINCT s.id) AS denying
}
CALL (c) {
  OPTIONAL MATCH (c)-[:CONTRADICTS]-(:Claim)<-[:ON]-(:Statement {stance: 'ASSERTS'})<-[:MADE]-(s:Source)
  RETURN collect(DISTINCT s.id) AS opposing
}
// The top-level affiliations ("roots") of each asserting source; a source
// affiliated with nothing is its own root.
CALL (asserting) {
  UNWIND asserting AS s
  MATCH (s)-[:AFFILIATED_WITH*0..]->(root:Source)
  WHERE NOT (root)-[:AFFILIATED_WITH]->(:Source)
  WITH s, collect(DISTINCT root.id) AS roots
  RETURN collect(roots) AS rootSets
}
// Union of root sets that overlap: each step keeps the clusters disjoint from
// the new set and merges the rest into it.
WITH key, asserting, hedging, denying, opposing,
     reduce(clusters = [], roots IN rootSets |
       [cl IN clusters WHERE none(r IN cl WHERE r IN roots)]
       + [reduce(merged = roots, cl IN [x IN clusters WHERE any(r IN x WHERE r IN roots)] | merged + cl)]
     ) AS clusters
RETURN key,
       size(asserting) AS assertingSources,
       size(clusters) AS independentSources,
       size([s IN asserting WHERE s.anonymous]) AS anonymousSources,
       hedging AS hedgingSources,
       size(denying) AS denyingSources,
       size(denying + [o IN opposing WHERE NOT o IN denying]) AS contradictedBy
