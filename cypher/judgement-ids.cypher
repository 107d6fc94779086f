// Which of the given rating, assessment and change-log ids the graph holds
// already (an import adds only the others: judgements and the change log
// are history, never rewritten).
// @mode read
// @param ratings      list of rating ids
// @param assessments  list of assessment ids
// @param changes      list of change ids
CALL () { UNWIND $ratings AS id MATCH (r:Rating {id: id}) RETURN collect(id) AS ratings }
CALL () { UNWIND $assessments AS id MATCH (a:Assessment {id: id}) RETURN collect(id) AS assessments }
CALL () { UNWIND $changes AS id MATCH (c:Change {id: id}) RETURN collect(id) AS changes }
RETURN ratings, assessments, changes
