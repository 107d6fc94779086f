// Keeps each source's group of alike names up (docs/MODEL.md,
// "Independence"): `alike` is [the smallest id of the group] for a source
// that may be another under another spelling (src/graph/independence.ts
// groups them), [] for one that may be no other. The independence rule
// (cypher/fragments/independence-rule) reads it as one more key.
// @mode write
// @param rows  list of {id, alike}: a source id and its group, [] or [smallest id]
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.alike = row.alike
RETURN count(s) AS written
