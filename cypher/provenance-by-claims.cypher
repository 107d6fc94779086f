// The attribution chain of each given claim, for its W3C PROV-O export
// (src/analysis/prov.ts): the claim; every statement on it, and every
// statement linked to one of those by reported speech, at any depth: the
// statements that relayed it to the document, and those it relayed (not the
// other statements a relay carried); the claims and documents of those
// statements; the sources that made them or published the documents, with
// their affiliations (AFFILIATED_WITH) up to the top, at any depth. One row
// per claim found; none for an unknown id.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(own:Statement)
  CALL (own) {
    MATCH (own)-[:REPORTED_VIA*0..]->(st:Statement)
    RETURN st
    UNION
    MATCH (own)<-[:REPORTED_VIA*1..]-(st:Statement)
    RETURN st
  }
  RETURN collect(DISTINCT st) AS chain
}
CALL (chain) {
  UNWIND chain AS st
  MATCH (st)<-[:MADE]-(speaker:Source)
  MATCH (st)-[:ON]->(on:Claim)
  RETURN collect(st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: speaker.id, claim: on.id,
                     document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
                     reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])}) AS statements,
         collect(DISTINCT speaker) AS speakers,
         collect(DISTINCT on {.id, .text}) AS claims
}
CALL (chain) {
  UNWIND chain AS st
  MATCH (st)-[:REPORTED_IN]->(d:Document)
  WITH DISTINCT d
  RETURN collect(d {.id, .title, .url, .publishedAt, .note,
                    publisher: head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id])}) AS documents,
         collect(head([(d)-[:PUBLISHED_BY]->(p:Source) | p])) AS publishers
}
CALL (speakers, publishers) {
  UNWIND speakers + publishers AS agent
  MATCH (agent)-[:AFFILIATED_WITH*0..]->(s:Source)
  WITH DISTINCT s
  RETURN collect(s {.id, .name, .kind, .anonymous, .count, .description,
                    parents: [(s)-[a:AFFILIATED_WITH]->(p:Source) | {source: p.id, role: a.role}]}) AS sources
}
RETURN key, c {.id, .text} AS claim, statements, claims, documents, sources
