// What deleting an entity removes: the entity and every relationship it has, as
// {type, from, to} with node ids. Read by the deletion preview, and again by
// the delete it confirms, in the delete's own transaction. No row when the
// entity is unknown.
// @mode read
// @param id  entity id
MATCH (target:Entity {id: $id})
// @include target-relationships
RETURN target.id AS id, [] AS statements, outgoing + incoming AS relationships
