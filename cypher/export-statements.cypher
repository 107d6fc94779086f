// One page of statements as bundle records, in id order, with the ids of
// their source, claim, document and relaying statement, and audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (st:Statement)
WHERE ($ids IS NULL OR st.id IN $ids) AND ($after IS NULL OR st.id > $after)
WITH st ORDER BY st.id LIMIT $limit
MATCH (src:Source)-[:MADE]->(st)-[:ON]->(c:Claim)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (st)-[:REPORTED_VIA]->(relay:Statement)
RETURN st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, .createdAt, .createdBy, .updatedAt, .updatedBy,
           source: src.id, claim: c.id, document: d.id, reportedVia: relay.id} AS record
ORDER BY record.id
