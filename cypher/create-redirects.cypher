// Makes each old id resolve to the record it now names: a Redirect node per
// (label, old id), linked to the target record; an existing redirect of the
// same key is pointed at the new target (a merge of a merged record), and
// redirects that pointed at the old record follow it. No redirect is made
// for an id that the target itself has.
// @mode write
// @param rows  list of {label, id, target}: label Source, Entity, Document, Claim or Statement
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Source {id: row.target}) WHERE row.label = 'Source' RETURN n
  UNION
  MATCH (n:Entity {id: row.target}) WHERE row.label = 'Entity' RETURN n
  UNION
  MATCH (n:Document {id: row.target}) WHERE row.label = 'Document' RETURN n
  UNION
  MATCH (n:Claim {id: row.target}) WHERE row.label = 'Claim' RETURN n
  UNION
  MATCH (n:Statement {id: row.target}) WHERE row.label = 'Statement' RETURN n
}
WITH row, n
WHERE row.id <> row.target
MERGE (r:Redirect {key: row.label + ':' + row.id})
ON CREATE SET r.id = row.id, r.label = row.label
WITH r, n
CALL (r) {
  MATCH (r)-[old:REDIRECTS_TO]->()
  DELETE old
}
CREATE (r)-[:REDIRECTS_TO]->(n)
RETURN count(r) AS written
