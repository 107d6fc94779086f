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
// @include target-relationships
// @include statements-relationships
RETURN target.id AS id, [s IN statements | s.id] AS statements,
       outgoing + incoming + statementsOut + statementsIn AS relationships
