// What the positions of the statements on the given claims are computed
// from (src/graph/positions.ts): every statement on them and on the claims
// linked to them (contradicting them, directly or through what either
// implies; or IMPLIES at any depth either way), and the
// statements that explicitly revise any of those; each with its source
// (and whether it is anonymous: only named members of one organisation
// revise each other, src/graph/positions.ts `revisesWithinRoot`),
// the sources that source is affiliated with (at any depth), the members of
// those and of the source itself with their roles (a spokesperson speaks
// for its organisation: src/graph/positions.ts `speaksForParent`), its stance,
// firmness and dates (its own and its documents'; each printing as
// [publishedAt, whether its channel retracted it]: docs/MODEL.md, "Retracted
// printings"), what it was derived from
// (with that statement's stored position), the links of its claim (the
// claims it implies at any depth, and the CONTRADICTS links of those and of
// itself, as pairs), and the stored position (to write only what changed).
// @mode read
// @param claims  list of claim ids
CALL () {
  UNWIND $claims AS id
  MATCH (a:Claim {id: id})
  CALL (a) {
    WITH a AS b
    RETURN b
    UNION
    MATCH (a)-[:IMPLIES*0..]->(:Claim)-[:CONTRADICTS]-(:Claim)<-[:IMPLIES*0..]-(b:Claim)
    RETURN b
    UNION
    MATCH (a)-[:IMPLIES*1..]->(b:Claim)
    RETURN b
    UNION
    MATCH (a)<-[:IMPLIES*1..]-(b:Claim)
    RETURN b
  }
  WITH DISTINCT b
  MATCH (b)<-[:ON]-(t:Statement)
  RETURN collect(t) AS near
}
CALL (near) {
  UNWIND near AS t
  MATCH (t)<-[:SUPERSEDES]-(x:Statement)
  RETURN collect(DISTINCT x) AS revisers
}
UNWIND near + [x IN revisers WHERE NOT x IN near] AS t
MATCH (t)<-[:MADE]-(src:Source)
MATCH (t)-[:ON]->(c:Claim)
RETURN t.id AS id, src.id AS source, coalesce(src.anonymous, false) AS anonymous, [(src)-[:AFFILIATED_WITH*1..]->(p:Source) | p.id] AS ancestors,
       [(src)-[:AFFILIATED_WITH*0..]->(:Source)<-[a:AFFILIATED_WITH]-(m:Source) | [m.id, a.role]] AS members,
       c.id AS claim, t.stance AS stance, coalesce(t.hedged, false) AS hedged, t.date AS date,
       [(t)-[ap:APPEARS_IN]->(d:Document) | [d.publishedAt, ap.retractedBy IS NOT NULL]] AS printings,
       [(t)-[:SUPERSEDES]->(x:Statement) | x.id] AS supersedes,
       head([(t)-[:DERIVED_FROM]->(o:Statement) | o.id]) AS derivedFrom,
       head([(t)-[:DERIVED_FROM]->(o:Statement) | o.current]) AS originCurrent,
       head([(t)-[:DERIVED_FROM]->(:Statement)-[:SUPERSEDED_BY]->(y:Statement) | y.id]) AS originSupersededBy,
       head([(t)-[:DERIVED_FROM]->(:Statement)-[r:SUPERSEDED_BY]->(:Statement) | r.revision]) AS originRevision,
       head([(t)-[:DERIVED_FROM]->(o:Statement) | o.retraction]) AS originRetraction,
       [(c)-[:IMPLIES*0..]->(x:Claim)-[:CONTRADICTS]-(o:Claim) | [x.id, o.id]] AS contradicts,
       [(c)-[:IMPLIES*1..]->(o:Claim) | o.id] AS implies,
       t.current AS current, t.retraction AS retraction, t.dateStart AS dateStart, t.dateEnd AS dateEnd, t.datePrecision AS datePrecision, t.dateBasis AS dateBasis,
       head([(t)-[r:SUPERSEDED_BY]->(y:Statement) | [y.id, r.reason, r.revision]]) AS supersededBy
