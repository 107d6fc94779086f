// Creates sources that are new by id (the importer checked that the graph
// holds none of them). `nameKey`, `aliasKeys` and `skeletonKeys` are how
// later imports recognise them by name (src/graph/names.ts); `searchText`
// how search finds them; `descriptionFrom` which record's description the
// source shows (of records merged by name, the one with the smallest id).
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, descriptionFrom, aliases, nameKey, aliasKeys, skeletonKeys, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
CREATE (s:Source {id: row.id, name: row.name, kind: row.kind, anonymous: row.anonymous, count: row.count,
                  description: row.description, descriptionFrom: row.descriptionFrom, aliases: row.aliases,
                  nameKey: row.nameKey, aliasKeys: row.aliasKeys, skeletonKeys: row.skeletonKeys, searchText: row.searchText, hash: row.hash,
                  createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
RETURN count(s) AS written
