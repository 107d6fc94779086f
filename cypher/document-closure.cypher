// Everything a bundle of one document needs to stand on its own: the
// statements it reports and those they were relayed through (at any depth);
// the documents of all of them; the sources that made them or published the
// documents, with their affiliation parents at any depth; the claims and the
// entities they are about. Ids only; duplicates are possible.
// @mode read
// @param document  the document id
// Unit subqueries, not OPTIONAL MATCH: Grafeo plans those as joins that
// expand from every node; an aggregating subquery still gives one row.
MATCH (d:Document {id: $document})
CALL (d) {
  MATCH (d)<-[:REPORTED_IN]-(reported:Statement)-[:REPORTED_VIA*0..]->(st:Statement)
  RETURN collect(DISTINCT st) AS statements
}
CALL (d, statements) {
  UNWIND statements AS st
  MATCH (st)<-[:MADE]-(speaker:Source)
  MATCH (st)-[:ON]->(c:Claim)
  RETURN collect(DISTINCT speaker.id) AS speakers, collect(DISTINCT c) AS claims,
         collect(DISTINCT head([(st)-[:REPORTED_IN]->(doc:Document) | doc.id])) + [d.id] AS documents
}
CALL (documents, speakers) {
  UNWIND documents AS docId
  MATCH (doc:Document {id: docId})
  WITH speakers, collect(head([(doc)-[:PUBLISHED_BY]->(publisher:Source) | publisher.id])) AS publishers
  UNWIND speakers + publishers AS memberId
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
