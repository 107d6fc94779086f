// Neo4j only: the records of one label whose search text holds one of the
// query's tokens, most relevant first (Lucene's score), ties by id; the
// candidates a search ranks (src/store/search-port.ts). The embedded engine
// asks its own BM25 index through its API instead (src/store/embedded-store.ts).
// @mode read
// @param index  the label's full-text index (src/store/search-port.ts `fullTextIndexName`), from cypher/schema-neo4j.cypher
// @param query  the tokens joined by " OR ": letters and digits only, so nothing in it is Lucene syntax
// @param limit  maximum number of rows
CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id
