// Links two claims that cannot both be true, with who linked them and why.
// @mode write
// @param rows  list of {from, to, linkedBy, reason}: claim ids
UNWIND $rows AS row
MATCH (a:Claim {id: row.from})
MATCH (b:Claim {id: row.to})
MERGE (a)-[l:CONTRADICTS]->(b)
SET l.linkedBy = row.linkedBy,
    l.reason = row.reason
RETURN count(l) AS written
