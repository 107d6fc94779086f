// The statements that name a source or a document as an intermediary of one
// of their appearances (`via`: ids kept on the appearance, not links), or
// that appear in the document, or whose printing it retracted (the source
// that withdrew it, the document of the correction): what a deletion must
// rewrite without it. One pass over the appearances.
// @mode read
// @param id  a source or document id
MATCH (st:Statement)-[ap:APPEARS_IN]->(d:Document)
WHERE $id IN ap.via OR $id IN ap.viaDocuments OR d.id = $id OR ap.retractedBy = $id OR ap.retractedIn = $id
RETURN collect(DISTINCT st.id) AS statements
