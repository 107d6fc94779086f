// Creates sources that are new by id (the importer checked that the graph
// holds none of them). `nameKey`, `aliasKeys` and `skeletonKeys` are how
// later imports recognise them by name (src/graph/names.ts); `searchText`
// how search finds them; `descriptionFrom` which record's description the
// source shows (of records merged by name, the one with the smallest id).
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, descriptionFrom, aliases, nameKey, aliasKeys, skeletonKeys, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
// `updatedAt`/`updatedBy` equal to `createdAt`/`createdBy` are not stored: readers take the
// created ones for them (audit-by-ids, export-*), and a new record's are the same.
UNWIND $rows AS row
CREATE (s:Source {id: row.id, name: row.name, kind: row.kind, anonymous: row.anonymous, count: row.count,
                  description: row.description, descriptionFrom: row.descriptionFrom, aliases: row.aliases,
                  nameKey: row.nameKey, aliasKeys: row.aliasKeys, skeletonKeys: row.skeletonKeys, searchText: row.searchText, hash: row.hash,
                  createdAt: row.createdAt, createdBy: row.createdBy,
                  updatedAt: CASE WHEN row.updatedAt = row.createdAt THEN null ELSE row.updatedAt END,
                  updatedBy: CASE WHEN row.updatedBy = row.createdBy THEN null ELSE row.updatedBy END})
RETURN count(s) AS written
