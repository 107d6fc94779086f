// Creates or updates the entities claims are about.
// @mode write
// @param rows  list of {id, name, description, aliases}
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name,
    e.description = row.description,
    e.aliases = row.aliases
RETURN count(e) AS written
