// Rewrites sources by id (only changed rows are sent): every property is set
// from the row, the audit's creation stamps kept once set. The importer has
// already folded in what the graph held (aliases of records merged by name).
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, descriptionFrom, aliases, nameKey, aliasKeys, skeletonKeys, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.name = row.name,
    s.kind = row.kind,
    s.anonymous = row.anonymous,
    s.count = row.count,
    s.description = row.description,
    s.descriptionFrom = row.descriptionFrom,
    s.aliases = row.aliases,
    s.nameKey = row.nameKey,
    s.aliasKeys = row.aliasKeys,
    s.skeletonKeys = row.skeletonKeys,
    s.searchText = row.searchText,
    s.hash = row.hash,
    s.createdAt = coalesce(s.createdAt, row.createdAt),
    s.createdBy = coalesce(s.createdBy, row.createdBy),
    // Stored only where they differ from the created ones (create-*: readers take those for them).
    s.updatedAt = CASE WHEN row.updatedAt = coalesce(s.createdAt, row.createdAt) THEN null ELSE row.updatedAt END,
    s.updatedBy = CASE WHEN row.updatedBy = coalesce(s.createdBy, row.createdBy) THEN null ELSE row.updatedBy END
RETURN count(s) AS written
