// Links a claim to a claim it makes more likely, with who linked them and why.
// @mode write
// @param rows  list of {from, to, linkedBy, reason}: claim ids
UNWIND $rows AS row
MATCH (a:Claim {id: row.from})
MATCH (b:Claim {id: row.to})
MERGE (a)-[l:SUPPORTS]->(b)
SET l.linkedBy = row.linkedBy,
    l.reason = row.reason
RETURN count(l) AS written
