// Every statement reported in each of the given documents, ordered by statement id.
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of document ids
UNWIND $ids AS key
MATCH (d:Document {id: key})<-[:REPORTED_IN]-(st:Statement)<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id, document: d.id,
                reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS statement
ORDER BY key, statement.id
