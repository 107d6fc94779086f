// Loops an import would close through records already stored: a source
// affiliated, through its parents, with itself; a statement derived,
// through its origins, from itself; a statement that revises, through
// explicit revisions, itself; and a revision of another source's statement
// (as [id, revised id]). Each list holds the ids on a loop (the importer
// then rolls the whole import back).
// @mode read
// @param sources     list of source ids whose affiliations the import wrote
// @param statements  list of statement ids whose derivations or revisions the import wrote
CALL () {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})-[:AFFILIATED_WITH*1..]->(s)
  RETURN collect(DISTINCT id) AS sources
}
CALL () {
  UNWIND $statements AS id
  MATCH (st:Statement {id: id})-[:DERIVED_FROM*1..]->(st)
  RETURN collect(DISTINCT id) AS derived
}
CALL () {
  UNWIND $statements AS id
  MATCH (st:Statement {id: id})-[:SUPERSEDES*1..]->(st)
  RETURN collect(DISTINCT id) AS revised
}
CALL () {
  UNWIND $statements AS id
  // Each anchored on a statement: a pattern predicate NOT (src)-[:MADE]->(old)
  // would be planned by Grafeo as a join over every node.
  MATCH (st:Statement {id: id})-[:SUPERSEDES]->(old:Statement)
  MATCH (st)<-[:MADE]-(src:Source)
  MATCH (old)<-[:MADE]-(other:Source)
  WHERE other <> src
  RETURN collect([id, old.id]) AS foreign
}
RETURN sources, derived, revised, foreign
