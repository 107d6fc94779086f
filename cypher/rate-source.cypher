// Appends an editor's reliability rating (Admiralty Code, A to F) to a
// source's history: a new Rating node, never an overwrite. `seq` numbers the
// source's ratings in the order they were recorded (the latest counts). No
// row when the source is unknown, and then nothing is written.
// @mode write
// @param source  source id
// @param id      id of the new rating
// @param grade   A, B, C, D, E or F
// @param reason  why the editor gives this grade (not blank)
// @param by      the editor
// @param at      when (ISO 8601)
MATCH (s:Source {id: $source})
// The source's own node is the lock: written before max(seq) is read, so a
// concurrent rating of the source waits for this one's commit (Neo4j) or
// conflicts and is retried (embedded), and never takes the same seq.
SET s.lock = coalesce(s.lock, 0) + 1
WITH s
CALL (s) {
  // MATCH, not OPTIONAL MATCH: an aggregate over no row still gives one row, and
  // Grafeo plans OPTIONAL MATCH here as a join over every node.
  MATCH (s)-[:RATED]->(old:Rating)
  RETURN coalesce(max(old.seq), 0) AS previous
}
CREATE (s)-[:RATED]->(r:Rating {id: $id, grade: $grade, reason: $reason, by: $by, at: $at, seq: previous + 1})
RETURN r.id AS id
