// Fetches statements by id, with the ids of their source, claim, document and relaying statement.
// @mode read
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (st:Statement {id: id})<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
RETURN st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
           document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
           reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS statement
