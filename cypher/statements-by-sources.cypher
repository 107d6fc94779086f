// Every statement made by each of the given sources, ordered by statement id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (src:Source {id: key})-[:MADE]->(st:Statement)-[:ON]->(c:Claim)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (st)-[:REPORTED_VIA]->(relay:Statement)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt,
                source: src.id, claim: c.id, document: d.id, reportedVia: relay.id} AS statement
ORDER BY key, statement.id
