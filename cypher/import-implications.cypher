// Creates or updates IMPLIES links between claims (`from` implies `to`),
// with who drew them and why.
// @mode write
// @param rows  list of {from, to, linkedBy, reason, createdAt, createdBy}
UNWIND $rows AS row
MATCH (a:Claim {id: row.from})
MATCH (b:Claim {id: row.to})
MERGE (a)-[l:IMPLIES]->(b)
SET l.linkedBy = row.linkedBy,
    l.reason = row.reason,
    l.createdAt = coalesce(l.createdAt, row.createdAt),
    l.createdBy = coalesce(l.createdBy, row.createdBy)
RETURN count(l) AS written
