// What one document's export needs to stand alone: the statements it
// prints, the statements they derive from or revise (at any depth), the
// documents those statements appear in and their intermediaries' documents,
// the speakers, intermediaries and publishers with every source they are
// affiliated with (at any depth), the claims and what the claims are about.
// No row for an unknown document.
// @mode read
// @param document  the document's id
MATCH (d:Document {id: $document})
CALL (d) {
  MATCH (d)<-[:APPEARS_IN]-(printed:Statement)-[:DERIVED_FROM|SUPERSEDES*0..]->(st:Statement)
  RETURN collect(DISTINCT st) AS statements
}
CALL (statements) {
  UNWIND statements AS st
  MATCH (st)<-[:MADE]-(speaker:Source)
  MATCH (st)-[:ON]->(c:Claim)
  RETURN collect(DISTINCT speaker.id) AS speakers, collect(DISTINCT c) AS claims
}
CALL (statements) {
  UNWIND statements AS st
  MATCH (st)-[ap:APPEARS_IN]->(doc:Document)
  UNWIND [doc.id] + [x IN ap.viaDocuments WHERE x <> ''] AS docId
  RETURN collect(DISTINCT docId) AS printedIn
}
CALL (statements) {
  UNWIND statements AS st
  MATCH (st)-[ap:APPEARS_IN]->(:Document)
  UNWIND ap.via AS via
  RETURN collect(DISTINCT via) AS intermediaries
}
WITH d, statements, speakers + intermediaries AS voices, claims, printedIn + [d.id] AS documents
CALL (documents, voices) {
  UNWIND documents AS docId
  MATCH (doc:Document {id: docId})
  WITH voices, collect(head([(doc)-[:PUBLISHED_BY]->(publisher:Source) | publisher.id])) AS publishers
  UNWIND voices + publishers AS memberId
  MATCH (member:Source {id: memberId})-[:AFFILIATED_WITH*0..]->(s:Source)
  RETURN collect(DISTINCT s.id) AS sources
}
CALL (claims) {
  UNWIND claims AS c
  MATCH (c)-[:ABOUT]->(e:Entity)
  RETURN collect(DISTINCT e.id) AS entities
}
RETURN [st IN statements | st.id] AS statements, sources, [c IN claims | c.id] AS claims, entities,
       documents
