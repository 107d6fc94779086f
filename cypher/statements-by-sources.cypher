// Every statement made by each of the given sources, ordered by statement id:
// the whole list, for merging one source into another (src/graph/editing.ts).
// The API pages this list instead (statement-pages-by-sources).
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (src:Source {id: key})-[:MADE]->(st:Statement)-[:ON]->(c:Claim)
RETURN key, st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                document: head([(st)-[:REPORTED_IN]->(d:Document) | d.id]),
                reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])} AS statement
ORDER BY key, statement.id
