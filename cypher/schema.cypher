// The graph's constraints and indexes, applied idempotently at every start on
// both engines. One statement per semicolon. Every node is found by its
// business id, so each label's id is unique.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT question_id IF NOT EXISTS FOR (n:Question) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rating_id IF NOT EXISTS FOR (n:Rating) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (n:Assessment) REQUIRE n.id IS UNIQUE;
CREATE INDEX source_name_key IF NOT EXISTS FOR (n:Source) ON (n.nameKey);
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey);
// Ids that name a record under another id (merged records, name matches):
// one Redirect node per (label, id), keyed "Label:id".
CREATE CONSTRAINT redirect_key IF NOT EXISTS FOR (n:Redirect) REQUIRE n.key IS UNIQUE;
// The graph model version marker (docs/MODEL.md, "Model version"): one node.
CREATE CONSTRAINT graph_model_id IF NOT EXISTS FOR (n:GraphModel) REQUIRE n.id IS UNIQUE;
