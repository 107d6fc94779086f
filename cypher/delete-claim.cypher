// Deletes one claim with its remaining relationships (ABOUT, CONTRADICTS,
// SUPPORTS). The API runs it only after a confirmed deletion preview, once
// delete-statements has removed the statements on the claim.
// @mode write
// @param id  claim id
MATCH (n:Claim {id: $id})
// The ids merged into it go with it.
CALL (n) {
  MATCH (n)<-[:REDIRECTS_TO]-(r:Redirect)
  DETACH DELETE r
}
DETACH DELETE n
RETURN count(*) AS deleted
