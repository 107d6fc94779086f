// The editors' assessments of each given claim, newest first (by `seq`, the
// order they were recorded). Claims without an assessment yield no row.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})<-[:ASSESSES]-(a:Assessment)
WITH key, a
ORDER BY a.seq DESC, a.id DESC
RETURN key, collect(a {.id, .verdict, .rating, .explanation, .url, .by, .at, .seq, claim: key}) AS assessments
