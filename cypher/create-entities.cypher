// Creates entities that are new by id (the importer checked that the graph holds none of them).
// @mode write
// @param rows  list of {id, name, description, aliases, nameKey, aliasKeys, hash, createdAt, createdBy, updatedAt, updatedBy}
UNWIND $rows AS row
CREATE (e:Entity {id: row.id, name: row.name, description: row.description, aliases: row.aliases,
                  nameKey: row.nameKey, aliasKeys: row.aliasKeys, hash: row.hash,
                  createdAt: row.createdAt, createdBy: row.createdBy, updatedAt: row.updatedAt, updatedBy: row.updatedBy})
RETURN count(e) AS written
