// Locks the given claims for the rest of the transaction by writing to their
// nodes (see take-locks.cypher for why a write is a lock on both engines):
// two transactions that recompute positions on the same claim run one after
// the other, and the later one reads what the earlier one committed.
// @mode write
// @param ids  claim ids, sorted
UNWIND $ids AS id
MATCH (c:Claim {id: id})
SET c.lock = coalesce(c.lock, 0) + 1
RETURN count(c) AS locked
