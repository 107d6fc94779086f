// The statements that reached us through each of the given statements (reported speech), ordered by id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of statement ids (the relaying statements)
UNWIND $ids AS key
MATCH (relay:Statement {id: key})<-[:REPORTED_VIA]-(st:Statement)<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]), reportedVia: relay.id} AS statement
ORDER BY key, statement.id
