// What deleting a statement removes: the statement and every relationship it has, as
// {type, from, to} with node ids. Read by the deletion preview, and again by
// the delete it confirms, in the delete's own transaction. No row when the
// statement is unknown.
// @mode read
// @param id  statement id
MATCH (target:Statement {id: $id})
// @include target-relationships
RETURN target.id AS id, [] AS statements, outgoing + incoming AS relationships
