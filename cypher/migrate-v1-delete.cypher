// `claimgraph migrate`: deletes up to $limit nodes of each label a version 1
// store's records are held in, with every relationship they have (REPORTED_IN
// and REPORTED_VIA included), so that the upgraded records can be imported
// in their place. Run page after page, in the migration's one write
// transaction, until it deletes nothing; the import that follows in the same
// transaction writes everything again, so either all is migrated or nothing
// is. Change nodes (the change log) are kept, and so are ratings and
// assessments whose source or claim was deleted in version 1 (the migration
// does not read them): a source or claim goes only once its own are gone.
// @mode write
// @param limit  nodes per label per call
CALL () { MATCH (n:Statement) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS statements }
CALL () { MATCH (n:Question) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS questions }
CALL () { MATCH (:Source)-[:RATED]->(n:Rating) WITH DISTINCT n LIMIT $limit DETACH DELETE n RETURN count(*) AS ratings }
CALL () { MATCH (n:Assessment)-[:ASSESSES]->(:Claim) WITH DISTINCT n LIMIT $limit DETACH DELETE n RETURN count(*) AS assessments }
CALL () { MATCH (n:Claim) WHERE NOT EXISTS { MATCH (n)<-[:ASSESSES]-(:Assessment) } WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS claims }
CALL () { MATCH (n:Document) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS documents }
CALL () { MATCH (n:Entity) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS entities }
CALL () { MATCH (n:Source) WHERE NOT EXISTS { MATCH (n)-[:RATED]->(:Rating) } WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS sources }
RETURN statements + questions + ratings + assessments + claims + documents + entities + sources AS deleted
