// What deleting a source removes: the source, the statements it made, and every
// relationship either has, as {type, from, to} with node ids. Read by the
// deletion preview, and again by the delete it confirms, in the delete's own
// transaction. No row when the source is unknown.
// @mode read
// @param id  source id
MATCH (target:Source {id: $id})
OPTIONAL MATCH (target)-[:MADE]->(st:Statement)
WITH target, collect(DISTINCT st) AS statements
// @include target-relationships
// @include statements-relationships
RETURN target.id AS id, [s IN statements | s.id] AS statements,
       outgoing + incoming + statementsOut + statementsIn AS relationships
