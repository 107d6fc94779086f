// Everything a bundle of one document needs to stand on its own: the
// statements it reports and those they were relayed through (at any depth);
// the documents of all of them; the sources that made them or published the
// documents, with their affiliation parents at any depth; the claims and the
// entities they are about. Ids only; duplicates are possible.
// @mode read
// @param document  the document id
MATCH (d:Document {id: $document})
OPTIONAL MATCH (d)<-[:REPORTED_IN]-(reported:Statement)
OPTIONAL MATCH (reported)-[:REPORTED_VIA*0..]->(st:Statement)
WITH d, collect(DISTINCT st) AS statements
CALL (d, statements) {
  UNWIND statements AS st
  MATCH (st)<-[:MADE]-(speaker:Source)
  MATCH (st)-[:ON]->(c:Claim)
  OPTIONAL MATCH (st)-[:REPORTED_IN]->(doc:Document)
  RETURN collect(DISTINCT speaker) AS speakers, collect(DISTINCT c) AS claims, collect(DISTINCT doc) + [d] AS documents
}
CALL (documents, speakers) {
  UNWIND documents AS doc
  OPTIONAL MATCH (doc)-[:PUBLISHED_BY]->(publisher:Source)
  WITH speakers + collect(publisher) AS members
  UNWIND members AS member
  MATCH (member)-[:AFFILIATED_WITH*0..]->(s:Source)
  RETURN collect(DISTINCT s.id) AS sources
}
CALL (claims) {
  UNWIND claims AS c
  MATCH (c)-[:ABOUT]->(e:Entity)
  RETURN collect(DISTINCT e.id) AS entities
}
RETURN [st IN statements | st.id] AS statements, sources, [c IN claims | c.id] AS claims, entities,
       [doc IN documents | doc.id] AS documents
