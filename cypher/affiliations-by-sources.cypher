// For each given source: what it is affiliated with (parents) and who is affiliated with it (members), with roles.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})
RETURN key,
       [(s)-[a:AFFILIATED_WITH]->(p:Source) | {source: p.id, role: a.role}] AS parents,
       [(m:Source)-[a:AFFILIATED_WITH]->(s) | {source: m.id, role: a.role}] AS members
