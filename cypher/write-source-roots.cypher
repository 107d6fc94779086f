// Keeps each source's top-level affiliations up (docs/MODEL.md, "Independence"):
// `roots`, the ids of the sources it reaches through AFFILIATED_WITH at any
// depth that belong to no other (itself when it belongs to none), in id
// order, written on the given sources and on every source affiliated with
// one of them at any depth (their roots pass through it). The independence
// rule (cypher/fragments/independence-rule) reads them instead of walking
// the affiliations at read time.
// @mode write
// @param sources  source ids: sources whose affiliations changed, or that are new, merged or renamed
UNWIND $sources AS id
MATCH (changed:Source {id: id})
MATCH (changed)<-[:AFFILIATED_WITH*0..]-(x:Source)
WITH DISTINCT x
CALL (x) {
  MATCH (x)-[:AFFILIATED_WITH*0..]->(root:Source)
  WHERE NOT (root)-[:AFFILIATED_WITH]->(:Source)
  WITH DISTINCT root.id AS root ORDER BY root
  RETURN collect(root) AS roots
}
SET x.roots = roots
RETURN count(x) AS written
