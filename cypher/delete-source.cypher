// Deletes one source with its remaining relationships (AFFILIATED_WITH both
// ways, PUBLISHED_BY). The API runs it only after a confirmed deletion
// preview, once delete-statements has removed the source's statements, and
// after a merge has moved everything to the kept source.
// @mode write
// @param id  source id
MATCH (n:Source {id: $id})
// The ids merged into it go with it.
CALL (n) {
  MATCH (n)<-[:REDIRECTS_TO]-(r:Redirect)
  DETACH DELETE r
}
DETACH DELETE n
RETURN count(*) AS deleted
