// Every statement reported in each of the given documents, ordered by statement id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of document ids
UNWIND $ids AS key
MATCH (src:Source)-[:MADE]->(st:Statement)-[:REPORTED_IN]->(d:Document {id: key})
MATCH (st)-[:ON]->(c:Claim)
OPTIONAL MATCH (st)-[:REPORTED_VIA]->(relay:Statement)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt,
                source: src.id, claim: c.id, document: d.id, reportedVia: relay.id} AS statement
ORDER BY key, statement.id
