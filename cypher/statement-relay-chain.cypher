// The chain of reported speech from a statement to the document: the
// statement itself, the statement that relayed it, the one that relayed
// that, and so on. Empty when the statement does not exist.
// @mode read
// @param id  statement id
MATCH (:Statement {id: $id})-[:REPORTED_VIA*0..]->(relay:Statement)
RETURN collect(DISTINCT relay.id) AS chain
