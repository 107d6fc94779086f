// Keeps each statement's independence key up (docs/MODEL.md, "Independence"):
// `origin`, the id of the source that made the end of its DERIVED_FROM chain
// (the statement it took its content from, at any depth), or of its own
// source when it is derived from none. Written on the given statements, on
// the statements made by the given sources, and on every statement derived
// from one of those at any depth (their origin passes through it). The
// independence rule (cypher/fragments/independence-rule) reads it instead of
// walking the derivations at read time.
// @mode write
// @param statements  statement ids: written, or whose derivation changed
// @param makers      source ids whose statements' maker changed (merged into them, renamed)
CALL () {
  UNWIND $statements AS id
  MATCH (st:Statement {id: id})
  RETURN st
  UNION
  UNWIND $makers AS id
  MATCH (:Source {id: id})-[:MADE]->(st:Statement)
  RETURN st
}
MATCH (st)<-[:DERIVED_FROM*0..]-(x:Statement)
WITH DISTINCT x
CALL (x) {
  MATCH (x)-[:DERIVED_FROM*0..]->(o:Statement)<-[:MADE]-(os:Source)
  WHERE NOT (o)-[:DERIVED_FROM]->(:Statement)
  RETURN head(collect(os.id)) AS origin
}
SET x.origin = origin
RETURN count(x) AS written
