// Fetches statements by id, with the ids of their source, claim, document and relaying statement.
// @mode read
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (src:Source)-[:MADE]->(st:Statement {id: id})-[:ON]->(c:Claim)
OPTIONAL MATCH (st)-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (st)-[:REPORTED_VIA]->(relay:Statement)
RETURN st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt,
           source: src.id, claim: c.id, document: d.id, reportedVia: relay.id} AS statement
