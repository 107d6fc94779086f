// Applied after schema.cypher on Neo4j only: a full-text (Lucene) index per
// searchable label over `searchText` (src/graph/names.ts `searchText`),
// the candidates of every search (src/store/search-port.ts). The whitespace
// analyzer keeps each token as written: they are lower-cased letters and
// digits already, and the `0` and `1` that mark skeletons and prefixes must
// stay on them. The embedded engine makes its BM25 text indexes through its
// API instead (src/store/embedded-store.ts `applySchema`).
CREATE FULLTEXT INDEX claim_search IF NOT EXISTS FOR (n:Claim) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX statement_search IF NOT EXISTS FOR (n:Statement) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX source_search IF NOT EXISTS FOR (n:Source) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
CREATE FULLTEXT INDEX document_search IF NOT EXISTS FOR (n:Document) ON EACH [n.searchText] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}};
// Neo4j populates a new index in the background: searches wait for it here, once, at start.
CALL db.awaitIndexes(300);
