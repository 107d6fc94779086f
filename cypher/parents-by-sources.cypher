// For each given source: what it is affiliated with (its family, employer,
// government), with its role in each. A source has few of these, so the list
// is not paged; the members, which can be many, are (member-pages-by-sources).
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})
RETURN key, [(s)-[a:AFFILIATED_WITH]->(p:Source) | {source: p.id, role: a.role}] AS parents
