// Creates entities that are new by id (the importer checked that the graph
// holds none of them), with the keys later imports and search match them by
// (src/graph/names.ts).
// @mode write
// @param rows  list of {id, name, description, descriptionFrom, aliases, nameKey, aliasKeys, skeletonKeys, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
// `updatedAt`/`updatedBy` equal to `createdAt`/`createdBy` are not stored: readers take the
// created ones for them (audit-by-ids, export-*), and a new record's are the same.
UNWIND $rows AS row
CREATE (e:Entity {id: row.id, name: row.name, description: row.description, descriptionFrom: row.descriptionFrom, aliases: row.aliases,
                  nameKey: row.nameKey, aliasKeys: row.aliasKeys, skeletonKeys: row.skeletonKeys, searchText: row.searchText, hash: row.hash,
                  createdAt: row.createdAt, createdBy: row.createdBy,
                  updatedAt: CASE WHEN row.updatedAt = row.createdAt THEN null ELSE row.updatedAt END,
                  updatedBy: CASE WHEN row.updatedBy = row.createdBy THEN null ELSE row.updatedBy END})
RETURN count(e) AS written
