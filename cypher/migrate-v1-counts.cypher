// What a version 1 store holds (claimgraph 0.1, docs/MODEL.md "Model
// version"): the nodes of each label and the version 1 relationships, for
// `claimgraph migrate` to report and to check that it read every record.
// Change nodes (the change log) are counted but never rewritten.
// @mode read
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Statement) RETURN count(n) AS statements }
CALL () { MATCH (n:Question) RETURN count(n) AS questions }
CALL () { MATCH (n:Rating) RETURN count(n) AS ratings }
CALL () { MATCH (n:Assessment) RETURN count(n) AS assessments }
CALL () { MATCH (n:Change) RETURN count(n) AS changes }
CALL () { MATCH (:Statement)-[r:REPORTED_IN]->() RETURN count(r) AS reportedIn }
CALL () { MATCH (:Statement)-[r:REPORTED_VIA]->() RETURN count(r) AS reportedVia }
RETURN sources, entities, documents, claims, statements, questions, ratings, assessments, changes, reportedIn, reportedVia
