// Every relationship of the nodes in list `statements`, as {type, from, to}
// with node ids: `statementsOut` and `statementsIn`. For the deletion scopes
// of a claim, a source and a document, which remove statements with them.
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
