// Every statement on each of the given claims, any stance, ordered by statement id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})<-[:ON]-(st:Statement)<-[:MADE]-(src:Source)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
                reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS statement
ORDER BY key, statement.id
