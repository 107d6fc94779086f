// Which of the given keys ("Label:id") name a record under another id (a
// record merged into another, by an editor or by a name match), and the id
// each now resolves to. No row for a key that is not a redirect.
// @mode read
// @param keys  list of "Label:id" strings (Label: Source, Entity, Document, Claim, Statement)
UNWIND $keys AS key
MATCH (r:Redirect {key: key})-[:REDIRECTS_TO]->(n)
RETURN key, n.id AS target
