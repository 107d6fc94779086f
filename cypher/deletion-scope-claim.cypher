// What deleting a claim removes: the claim, the statements on it, and every
// relationship either has, as {type, from, to} with node ids. Read by the
// deletion preview, and again by the delete it confirms, in the delete's own
// transaction. No row when the claim is unknown.
// @mode read
// @param id  claim id
MATCH (target:Claim {id: $id})
OPTIONAL MATCH (target)<-[:ON]-(st:Statement)
WITH target, collect(DISTINCT st) AS statements
// @include target-relationships
// @include statements-relationships
RETURN target.id AS id, [s IN statements | s.id] AS statements,
       outgoing + incoming + statementsOut + statementsIn AS relationships
