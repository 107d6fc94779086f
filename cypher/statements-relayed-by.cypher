// The statements that reached us through each of the given statements (reported speech), ordered by id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of statement ids (the relaying statements)
UNWIND $ids AS key
MATCH (src:Source)-[:MADE]->(st:Statement)-[:REPORTED_VIA]->(relay:Statement {id: key})
MATCH (st)-[:ON]->(c:Claim)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(d:Document)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt,
                source: src.id, claim: c.id, document: d.id, reportedVia: relay.id} AS statement
ORDER BY key, statement.id
