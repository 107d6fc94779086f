// The sources each given source is affiliated with, at any depth: they
// speak for it, so their later statements can supersede its earlier ones
// (src/graph/positions.ts). An import reads them for the stored sources its
// statements name.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (s:Source {id: key})
RETURN key, [(s)-[:AFFILIATED_WITH*1..]->(p:Source) | p.id] AS ancestors
