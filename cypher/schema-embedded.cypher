// Applied after schema.cypher on the embedded engine only. Neo4j backs each
// uniqueness constraint with an index of its own (and refuses a second index
// on the same property), but Grafeo's constraints only check: without these
// indexes every lookup by id scans the label (measured: 2.6 ms instead of
// 0.09 ms at 20k nodes).
CREATE INDEX source_id_lookup IF NOT EXISTS FOR (n:Source) ON (n.id);
CREATE INDEX entity_id_lookup IF NOT EXISTS FOR (n:Entity) ON (n.id);
CREATE INDEX document_id_lookup IF NOT EXISTS FOR (n:Document) ON (n.id);
CREATE INDEX claim_id_lookup IF NOT EXISTS FOR (n:Claim) ON (n.id);
CREATE INDEX statement_id_lookup IF NOT EXISTS FOR (n:Statement) ON (n.id);
CREATE INDEX change_id_lookup IF NOT EXISTS FOR (n:Change) ON (n.id);
CREATE INDEX question_id_lookup IF NOT EXISTS FOR (n:Question) ON (n.id);
CREATE INDEX rating_id_lookup IF NOT EXISTS FOR (n:Rating) ON (n.id);
CREATE INDEX assessment_id_lookup IF NOT EXISTS FOR (n:Assessment) ON (n.id);
CREATE INDEX redirect_key_lookup IF NOT EXISTS FOR (n:Redirect) ON (n.key);
CREATE INDEX graph_model_id_lookup IF NOT EXISTS FOR (n:GraphModel) ON (n.id);
