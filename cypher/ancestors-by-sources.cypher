// The sources each given source is affiliated with, at any depth: they
// speak for it, so their later statements can supersede its earlier ones
// (src/graph/positions.ts); and the members of those and of the source
// itself, with their roles (a spokesperson speaks for its organisation); and
// whether it is anonymous (only named members of one organisation revise
// each other). An import reads them for the stored sources its statements name.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})
RETURN key, coalesce(s.anonymous, false) AS anonymous, [(s)-[:AFFILIATED_WITH*1..]->(p:Source) | p.id] AS ancestors,
       [(s)-[:AFFILIATED_WITH*0..]->(:Source)<-[a:AFFILIATED_WITH]-(m:Source) | [m.id, a.role]] AS members
