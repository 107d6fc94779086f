// Links a source to the source it belongs or reports to, with its role there
// (only new or changed affiliations are sent).
// @mode write
// @param rows  list of {source, parent, role, createdAt, createdBy}: source and parent are source ids
UNWIND $rows AS row
MATCH (member:Source {id: row.source})
MATCH (parent:Source {id: row.parent})
MERGE (member)-[a:AFFILIATED_WITH]->(parent)
SET a.role = row.role,
    a.createdAt = coalesce(a.createdAt, row.createdAt),
    a.createdBy = coalesce(a.createdBy, row.createdBy)
RETURN count(a) AS written
