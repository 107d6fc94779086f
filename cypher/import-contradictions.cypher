// Links two claims that cannot both be true, with who linked them and why (only new or changed links are sent).
// @mode write
// @param rows  list of {from, to, linkedBy, reason, createdAt, createdBy}: claim ids
UNWIND $rows AS row
MATCH (a:Claim {id: row.from})
MATCH (b:Claim {id: row.to})
MERGE (a)-[l:CONTRADICTS]->(b)
SET l.linkedBy = row.linkedBy,
    l.reason = row.reason,
    l.createdAt = coalesce(l.createdAt, row.createdAt),
    l.createdBy = coalesce(l.createdBy, row.createdBy)
RETURN count(l) AS written
