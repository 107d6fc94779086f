// Creates or rewrites sources by id. Only rows that are new or changed are
// sent (the importer compares fingerprints first), so every row is written.
// Audit fields: created* are kept once set; updated* are the row's.
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, aliases, nameKey, aliasKeys, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.name = row.name,
    s.kind = row.kind,
    s.anonymous = row.anonymous,
    s.count = row.count,
    s.description = row.description,
    s.aliases = row.aliases,
    s.nameKey = row.nameKey,
    s.aliasKeys = row.aliasKeys,
    s.hash = row.hash,
    s.createdAt = coalesce(s.createdAt, row.createdAt),
    s.createdBy = coalesce(s.createdBy, row.createdBy),
    s.updatedAt = row.updatedAt,
    s.updatedBy = row.updatedBy
RETURN count(s) AS written
