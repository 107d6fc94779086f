// Records reported speech: the statement `id` reached us through statement `via`.
// @mode write
// @param rows  list of {id, via}: statement ids
UNWIND $rows AS row
MATCH (st:Statement {id: row.id})
MATCH (relay:Statement {id: row.via})
MERGE (st)-[r:REPORTED_VIA]->(relay)
RETURN count(r) AS written
