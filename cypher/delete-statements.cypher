// Deletes statements by id with every relationship they have: MADE, ON,
// REPORTED_IN and REPORTED_VIA in both directions. The API runs it only after
// a confirmed deletion preview.
// @mode write
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (st:Statement {id: id})
DETACH DELETE st
RETURN count(*) AS deleted
