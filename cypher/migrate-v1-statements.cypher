// `claimgraph migrate`: one page of a version 1 store's statements as version
// 1 bundle records (claimgraph 0.1's export-statements), in id order, with
// the ids of their source, claim, document (REPORTED_IN) and relaying
// statement (REPORTED_VIA), and audit fields. Every statement node is read,
// also one without a source or claim (then null, and the migration reports
// it as a problem instead of leaving it out).
// @mode read
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (st:Statement)
WHERE $after IS NULL OR st.id > $after
WITH st ORDER BY st.id LIMIT $limit
RETURN st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, .createdAt, .createdBy, .updatedAt, .updatedBy,
           source: head([(st)<-[:MADE]-(src:Source) | src.id]),
           claim: head([(st)-[:ON]->(c:Claim) | c.id]),
           document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
           reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS record
ORDER BY record.id
