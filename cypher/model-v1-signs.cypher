// Looks for records that only claimgraph 0.1 (graph model version 1) wrote,
// at most one of each kind: a statement REPORTED_IN a document or
// REPORTED_VIA another statement, a statement with the stance HEDGES, a
// statement without `hedged` (version 2 always writes it), a source, entity,
// document or claim without search words (version 2 always writes them: as
// `searchText`, and before that as the list `searchWords` too).
// Each branch stops at its first row; on a store without any version 1
// record each scans its label once.
// Run only on a store without the model marker (model-version.cypher), that
// is once per store: the marker is written when none is found.
// @mode read
CALL () { MATCH (st:Statement)-[:REPORTED_IN]->(:Document) WITH st LIMIT 1 RETURN collect(st.id) AS reportedIn }
CALL () { MATCH (st:Statement)-[:REPORTED_VIA]->(:Statement) WITH st LIMIT 1 RETURN collect(st.id) AS reportedVia }
CALL () { MATCH (st:Statement) WHERE st.stance = 'HEDGES' WITH st LIMIT 1 RETURN collect(st.id) AS hedges }
CALL () { MATCH (st:Statement) WHERE st.hedged IS NULL WITH st LIMIT 1 RETURN collect(st.id) AS withoutHedged }
CALL () { MATCH (s:Source) WHERE s.searchText IS NULL AND s.searchWords IS NULL WITH s LIMIT 1 RETURN collect(s.id) AS sourcesWithoutSearchWords }
CALL () { MATCH (e:Entity) WHERE e.searchText IS NULL AND e.searchWords IS NULL WITH e LIMIT 1 RETURN collect(e.id) AS entitiesWithoutSearchWords }
CALL () { MATCH (d:Document) WHERE d.searchText IS NULL AND d.searchWords IS NULL WITH d LIMIT 1 RETURN collect(d.id) AS documentsWithoutSearchWords }
CALL () { MATCH (c:Claim) WHERE c.searchText IS NULL AND c.searchWords IS NULL WITH c LIMIT 1 RETURN collect(c.id) AS claimsWithoutSearchWords }
RETURN reportedIn, reportedVia, hedges, withoutHedged,
       sourcesWithoutSearchWords, entitiesWithoutSearchWords, documentsWithoutSearchWords, claimsWithoutSearchWords
