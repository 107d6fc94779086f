// The attribution chain of each given claim, for its W3C PROV-O export
// (src/analysis/prov.ts): the claim; every statement on it, and every
// statement linked to one of those by derivation, at any depth (what it was
// derived from, and what was derived from it), and the statement that
// superseded each statement on the claim; the claims and documents of
// those statements (every document that printed them, and the
// intermediaries' own documents); the sources that made them, carried them
// (intermediaries) or published the documents, with their affiliations
// (AFFILIATED_WITH) up to the top, at any depth. One row per claim found;
// none for an unknown id.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
CALL (c) {
  MATCH (c)<-[:ON]-(own:Statement)
  CALL (own) {
    MATCH (own)-[:DERIVED_FROM*0..]->(st:Statement)
    RETURN st
    UNION
    MATCH (own)<-[:DERIVED_FROM*1..]-(st:Statement)
    RETURN st
    UNION
    MATCH (own)-[:SUPERSEDED_BY]->(st:Statement)
    RETURN st
  }
  RETURN collect(DISTINCT st) AS chain
}
CALL (chain) {
  UNWIND chain AS st
  MATCH (st)<-[:MADE]-(speaker:Source)
  MATCH (st)-[:ON]->(on:Claim)
  RETURN collect(st {.id, .stance, .hedged, .hedge, .date, .madeAt, .quote, .paraphrase, .current, .dateStart, .dateEnd, .datePrecision, .dateBasis,
                     source: speaker.id, claim: on.id,
                     appearances: [(st)-[ap:APPEARS_IN]->(ad:Document) | {document: ad.id, publishedAt: ad.publishedAt, quote: ap.quote, paraphrase: ap.paraphrase, via: ap.via,
                                                                          viaDocuments: ap.viaDocuments, exact: ap.exact, prefix: ap.prefix, suffix: ap.suffix}],
                     derivedFrom: head([(st)-[:DERIVED_FROM]->(origin:Statement) | origin.id]),
                     supersedes: [(st)-[:SUPERSEDES]->(revised:Statement) | revised.id],
                     supersededBy: head([(st)-[sup:SUPERSEDED_BY]->(later:Statement) | {id: later.id, reason: sup.reason}])}) AS statements,
         collect(DISTINCT speaker) AS speakers,
         collect(DISTINCT on {.id, .text}) AS claims
}
CALL (chain) {
  UNWIND chain AS st
  MATCH (st)-[ap:APPEARS_IN]->(d:Document)
  UNWIND [d.id] + [x IN ap.viaDocuments WHERE x <> ''] AS docId
  RETURN collect(DISTINCT docId) AS documentIds
}
CALL (chain) {
  UNWIND chain AS st
  MATCH (st)-[ap:APPEARS_IN]->(:Document)
  UNWIND ap.via AS via
  RETURN collect(DISTINCT via) AS intermediaryIds
}
CALL (documentIds) {
  UNWIND documentIds AS docId
  MATCH (d:Document {id: docId})
  WITH d, head([(d)-[:PUBLISHED_BY]->(p:Source) | p.id]) AS publisher
  RETURN collect(d {.id, .title, .url, .publishedAt, .note, publisher: publisher}) AS documents,
         collect(publisher) AS publisherIds
}
CALL (speakers, publisherIds, intermediaryIds) {
  UNWIND [x IN speakers | x.id] + publisherIds + intermediaryIds AS agentId
  MATCH (agent:Source {id: agentId})-[:AFFILIATED_WITH*0..]->(s:Source)
  WITH DISTINCT s
  RETURN collect(s {.id, .name, .kind, .anonymous, .count, .description,
                    parents: [(s)-[a:AFFILIATED_WITH]->(p:Source) | {source: p.id, role: a.role}]}) AS sources
}
RETURN key, c {.id, .text} AS claim, statements, claims, documents, sources
