// Gives a stored entity a new id, keeping everything attached to it: the
// survivor of records recognised as one by name takes the smallest id of
// the group (docs/MODEL.md, "Names"). The caller makes the old id a redirect.
// @mode write
// @param from  the stored id
// @param to    the new id (not used by any entity)
MATCH (s:Entity {id: $from})
SET s.id = $to
RETURN s.id AS id
