// Every statement made by each of the given sources, ordered by statement id:
// the whole list, for merging one source into another (src/graph/editing.ts).
// The API pages this list instead (statement-pages-by-sources).
// The projection matches statements-by-ids so the API maps both alike.
// @mode read
// @param ids  list of source ids
UNWIND $ids AS key
MATCH (src:Source {id: key})-[:MADE]->(st:Statement)-[:ON]->(c:Claim)
// @include statement-projection
RETURN key, statement
ORDER BY key, statement.id
