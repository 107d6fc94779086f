// Every relationship of node `target`, as {type, from, to} with node ids:
// `outgoing` and `incoming`. For the deletion scopes, which list what a
// delete removes.
CALL (target) {
  MATCH (target)-[r]->(other)
  RETURN collect({type: type(r), from: target.id, to: other.id}) AS outgoing
}
CALL (target) {
  MATCH (target)<-[r]-(other)
  RETURN collect({type: type(r), from: other.id, to: target.id}) AS incoming
}
