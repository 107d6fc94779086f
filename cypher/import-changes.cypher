// Adds the change-log entries of a bundle that the graph does not hold (an
// entry is history: never rewritten). The same node as record-change writes.
// @mode write
// @param rows  list of {id, at, by, action, kind, target, details (JSON text)}
UNWIND $rows AS row
WITH row
WHERE NOT EXISTS { MATCH (:Change {id: row.id}) }
CREATE (c:Change {id: row.id, at: row.at, by: row.by, action: row.action, kind: row.kind, target: row.target, details: row.details})
RETURN count(c) AS written
