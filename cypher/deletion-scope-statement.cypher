// What deleting a statement removes: the statement and every relationship it has, as
// {type, from, to} with node ids. Read by the deletion preview, and again by
// the delete it confirms, in the delete's own transaction. No row when the
// statement is unknown.
// @mode read
// @param id  statement id
MATCH (target:Statement {id: $id})
CALL (target) {
  MATCH (target)-[r]->(other)
  RETURN collect({type: type(r), from: target.id, to: other.id}) AS outgoing
}
CALL (target) {
  MATCH (target)<-[r]-(other)
  RETURN collect({type: type(r), from: other.id, to: target.id}) AS incoming
}
RETURN target.id AS id, [] AS statements, outgoing + incoming AS relationships
