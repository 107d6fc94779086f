// What deleting a document removes: the document, the statements printed in
// it and nowhere else (a statement other documents printed too stays, and
// loses this appearance only), and every
// relationship either has, as {type, from, to} with node ids. Read by the
// deletion preview, and again by the delete it confirms, in the delete's own
// transaction. No row when the document is unknown.
// @mode read
// @param id  document id
MATCH (target:Document {id: $id})
CALL (target) {
  MATCH (target)<-[:APPEARS_IN]-(st:Statement)
  WITH st, size([(st)-[:APPEARS_IN]->(printed:Document) | printed.id]) AS printedIn
  WHERE printedIn = 1
  RETURN collect(DISTINCT st) AS statements
}
CALL (target) {
  MATCH (target)-[r]->(other)
  RETURN collect({type: type(r), from: target.id, to: other.id}) AS outgoing
}
CALL (target) {
  MATCH (target)<-[r]-(other)
  RETURN collect({type: type(r), from: other.id, to: target.id}) AS incoming
}
CALL (statements) {
  UNWIND statements AS st
  MATCH (st)-[r]->(other)
  RETURN collect({type: type(r), from: st.id, to: other.id}) AS statementsOut
}
CALL (statements) {
  UNWIND statements AS st
  MATCH (st)<-[r]-(other)
  RETURN collect({type: type(r), from: other.id, to: st.id}) AS statementsIn
}
RETURN target.id AS id, [s IN statements | s.id] AS statements,
       outgoing + incoming + statementsOut + statementsIn AS relationships
