// Records a change that leaves no record of its own behind (a deletion, an
// unlink, a merge): who made it, when, and what it removed. Written in the
// transaction of the change itself.
// @mode write
// @param id       change id: the time, then a random suffix, so ids sort by time
// @param at       when (ISO 8601)
// @param by       the editor
// @param action   DELETE, UNLINK or MERGE
// @param kind     the kind of record acted on
// @param target   the id acted on
// @param details  what went, as JSON text
CREATE (c:Change {id: $id, at: $at, by: $by, action: $action, kind: $kind, target: $target, details: $details})
RETURN c.id AS id
