// Creates sources that are new by id (the importer checked that the graph
// holds none of them): no MERGE, no links to move.
// @mode write
// @param rows  list of {id, name, kind, anonymous, count, description, aliases, nameKey, aliasKeys, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
CREATE (s:Source {id: row.id, name: row.name, kind: row.kind, anonymous: row.anonymous, count: row.count,
                  description: row.description, aliases: row.aliases, nameKey: row.nameKey, aliasKeys: row.aliasKeys, hash: row.hash,
                  createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
RETURN count(s) AS written
