// Records reported speech for statements the import just created, which
// have no relay yet: the statement `id` reached us through statement `via`.
// @mode write
// @param rows  list of {id, via}: statement ids
UNWIND $rows AS row
MATCH (st:Statement {id: row.id})
MATCH (relay:Statement {id: row.via})
CREATE (st)-[r:REPORTED_VIA]->(relay)
RETURN count(r) AS written
