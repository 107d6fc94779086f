// One page of statements as bundle records, in id order, with the ids of
// their source, claim, document and relaying statement, and audit fields.
// @mode read
// @param ids    list of ids to export, or null for all of them
// @param after  id the previous page ended with, or null for the first page
// @param limit  page size
MATCH (st:Statement)
WHERE ($ids IS NULL OR st.id IN $ids) AND ($after IS NULL OR st.id > $after)
WITH st ORDER BY st.id LIMIT $limit
MATCH (st)<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, .createdAt, .createdBy, .updatedAt, .updatedBy,
           source: src.id, claim: c.id,
           document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
           reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS record
ORDER BY record.id
