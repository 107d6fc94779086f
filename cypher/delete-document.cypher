// Deletes one document with its remaining relationships (PUBLISHED_BY). The
// API runs it only after a confirmed deletion preview, once
// delete-statements has removed the statements it reports.
// @mode write
// @param id  document id
MATCH (n:Document {id: $id})
// The ids merged into it go with it.
CALL (n) {
  MATCH (n)<-[:REDIRECTS_TO]-(r:Redirect)
  DETACH DELETE r
}
DETACH DELETE n
RETURN count(*) AS deleted
