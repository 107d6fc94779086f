// Rewrites entities by id (only changed rows are sent): every property is set
// from the row, the audit's creation stamps kept once set.
// @mode write
// @param rows  list of {id, name, description, descriptionFrom, aliases, nameKey, aliasKeys, skeletonKeys, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.name = row.name,
    e.description = row.description,
    e.descriptionFrom = row.descriptionFrom,
    e.aliases = row.aliases,
    e.nameKey = row.nameKey,
    e.aliasKeys = row.aliasKeys,
    e.skeletonKeys = row.skeletonKeys,
    e.searchText = row.searchText,
    e.hash = row.hash,
    e.createdAt = coalesce(e.createdAt, row.createdAt),
    e.createdBy = coalesce(e.createdBy, row.createdBy),
    // Stored only where they differ from the created ones (create-*: readers take those for them).
    e.updatedAt = CASE WHEN row.updatedAt = coalesce(e.createdAt, row.createdAt) THEN null ELSE row.updatedAt END,
    e.updatedBy = CASE WHEN row.updatedBy = coalesce(e.createdBy, row.createdBy) THEN null ELSE row.updatedBy END
RETURN count(e) AS written
