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
//   from the other's, or both from a third source's;
// - SIMILAR_NAME: they may be one source under two spellings (a possible
//   duplicate by name that no editor has merged or rejected yet).
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
// holding it. And what credibility weighs against the claim: the same side
// without the sources that are parties to it (docs/ANALYSIS.md, "Interested
// parties"), with those parties named.
// And the sources that came round (docs/ANALYSIS.md, rule 5): a current firm
// assertion FOR the claim that supersedes, at the end of a chain of
// revisions, a statement AGAINST it, firm or hedged (an admission after a
// denial or a doubt, or a revised figure; only the source itself, one that
// speaks for it, or another named member of its organisation can supersede
// its statement: docs/MODEL.md, "Who can supersede whom").
// The independence rule and the status rule are fragments
// (cypher/fragments/), included here and in claims-page-by-status and
// claims-count-by-status.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
WITH c, key, true AS countClusters, true AS weighInterests
// @include independence-rule
// Which sources were merged, and why (for the API's explanation): for each
// key two or more sources share (a top-level parent, an origin of derived
// statements, a group of alike names), each of them paired with the first, so the list grows with
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
                  origins: [x IN keys WHERE x STARTS WITH 'o:' | substring(x, 2)],
                  alike: any(x IN keys WHERE x STARTS WITH 'n:')}) AS merges
}
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, side, group, clusters, leaningClusters, merges
// @include claim-status
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
CALL (key) {
  MATCH (c:Claim {id: key})
  CALL (c) {
    MATCH (c)-[:IMPLIES*0..]->(:Claim)<-[:ON]-(old:Statement {stance: 'DENIES', current: false})
    RETURN old
    UNION
    MATCH (c)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(:Claim)<-[:ON]-(old:Statement {stance: 'ASSERTS', current: false})
    RETURN old
  }
  WITH DISTINCT c, old
  MATCH (old)-[:SUPERSEDED_BY*1..]->(now:Statement {stance: 'ASSERTS', current: true})-[:ON]->(:Claim)-[:IMPLIES*0..]->(c)
  WHERE NOT coalesce(now.hedged, false)
  MATCH (now)<-[:MADE]-(s:Source)
  RETURN collect(DISTINCT s.name) AS cameRound
}
// An admission: a source now firmly asserts the claim (or a claim implying
// it) where it, or a source of its own top-level organisation (`roots`),
// denied or doubted the claim (or a claim it implies) in a statement that has
// since been superseded or withdrawn. A channel's retraction of a printing is
// not a source coming round, so the old statement must have a superseder.
// The organisations are collected first, so that a hub claim's many
// statements are read once on each side, not paired.
CALL (key) {
  MATCH (c:Claim {id: key})
  MATCH (c)-[:IMPLIES*0..]->(:Claim)<-[:ON]-(old:Statement {stance: 'DENIES', current: false})<-[:MADE]-(was:Source)
  WHERE EXISTS { (old)-[:SUPERSEDED_BY]->(:Statement) }
  UNWIND coalesce(was.roots, [was.id]) AS organisation
  WITH c, collect(DISTINCT organisation) AS organisations
  MATCH (c)<-[:IMPLIES*0..]-(:Claim)<-[:ON]-(now:Statement {stance: 'ASSERTS', current: true})<-[:MADE]-(s:Source)
  WHERE NOT coalesce(now.hedged, false)
    AND any(root IN coalesce(s.roots, [s.id]) WHERE root IN organisations)
  RETURN collect(DISTINCT s.name) AS admittedBy
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
       bestRatedSources,
       // What credibility weighs against the claim: the side against without
       // the claim's own parties (docs/ANALYSIS.md, "Interested parties").
       CASE WHEN weighed IS NULL THEN size(con.group) ELSE size(weighed.group) END AS weighedContradictedBy,
       CASE WHEN weighed IS NULL THEN size(con.clusters) ELSE size(weighed.clusters) END AS weighedOpposingIndependentSources,
       CASE WHEN weighed IS NULL THEN con.leaning ELSE weighed.leaning END AS weighedLeaningAgainst,
       interests.doubting AS weighedDoubtingSources,
       interests.denying AS weighedDenyingSources,
       [i IN range(0, size(interests.partyIds) - 1) | {id: interests.partyIds[i], name: interests.partyNames[i]}] AS partiesAgainst,
       cameRound,
       admittedBy
