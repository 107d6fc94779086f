// Which of the given rating and assessment ids the graph holds already (an
// import adds only the others: judgements are history, never rewritten).
// @mode read
// @param ratings      list of rating ids
// @param assessments  list of assessment ids
CALL () { UNWIND $ratings AS id MATCH (r:Rating {id: id}) RETURN collect(id) AS ratings }
CALL () { UNWIND $assessments AS id MATCH (a:Assessment {id: id}) RETURN collect(id) AS assessments }
RETURN ratings, assessments
