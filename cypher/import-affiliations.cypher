// Links a source to the source it belongs or reports to, with its role there.
// @mode write
// @param rows  list of {source, parent, role}: source and parent are source ids
UNWIND $rows AS row
MATCH (member:Source {id: row.source})
MATCH (parent:Source {id: row.parent})
MERGE (member)-[a:AFFILIATED_WITH]->(parent)
SET a.role = row.role
RETURN count(a) AS written
