// Takes the named write locks for the rest of the transaction, in the order
// given (callers sort them, so two transactions never wait on each other in a
// cycle). A lock is a node written first: Neo4j holds a written node's
// exclusive lock until commit, so a second transaction that takes the same
// lock waits for the first to commit and then reads what it wrote (READ
// COMMITTED); the embedded engine sees the same two writes as a write-write
// conflict and retries the later one. Lock.name is unique (schema.cypher), so
// two first takers cannot create two nodes.
// @mode write
// @param names  lock names, sorted
UNWIND $names AS name
MERGE (l:Lock {name: name})
SET l.taken = coalesce(l.taken, 0) + 1
RETURN count(l) AS taken
