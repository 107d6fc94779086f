// Entries of the change log with the given ids (for a lookup by global id,
// `node(id:)`). None for an unknown id.
// @mode read
// @param ids  list of change ids
UNWIND $ids AS key
MATCH (c:Change {id: key})
RETURN key, c {.id, .at, .by, .action, .kind, .target, .details} AS change
