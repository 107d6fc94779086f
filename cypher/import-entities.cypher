// Creates or rewrites entities by id (only new or changed rows are sent).
// @mode write
// @param rows  list of {id, name, description, aliases, nameKey, aliasKeys, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name,
    e.description = row.description,
    e.aliases = row.aliases,
    e.nameKey = row.nameKey,
    e.aliasKeys = row.aliasKeys,
    e.hash = row.hash,
    e.createdAt = coalesce(e.createdAt, row.createdAt),
    e.createdBy = coalesce(e.createdBy, row.createdBy),
    e.updatedAt = row.updatedAt,
    e.updatedBy = row.updatedBy
RETURN count(e) AS written
