// Deletes statements by id with every relationship they have (MADE, ON,
// APPEARS_IN, DERIVED_FROM, SUPERSEDES, SUPERSEDED_BY, JUDGES) and the
// redirects to them. The API runs it only after a confirmed deletion
// preview; positions are computed again after it.
// @mode write
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (st:Statement {id: id})
CALL (st) {
  MATCH (st)<-[:REDIRECTS_TO]-(r:Redirect)
  DETACH DELETE r
}
DETACH DELETE st
RETURN count(*) AS deleted
