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
    s.updatedAt = row.updatedAt,
    s.updatedBy = row.updatedBy
RETURN count(s) AS written
