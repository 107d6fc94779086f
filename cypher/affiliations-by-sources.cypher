// For each given source: what it is affiliated with (parents) and who is affiliated with it (members), with roles.
// Whole lists, for merging one source into another (src/graph/editing.ts); the
// API reads parents-by-sources and pages the members (member-pages-by-sources).
// Each pattern starts at the source found by id: Grafeo plans from the left.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})
RETURN key,
       [(s)-[a:AFFILIATED_WITH]->(p:Source) | {source: p.id, role: a.role}] AS parents,
       [(s)<-[a:AFFILIATED_WITH]-(m:Source) | {source: m.id, role: a.role}] AS members
