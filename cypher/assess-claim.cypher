// Records an editor's assessment of a claim (a verdict, a rating from 1 to
// 5, an explanation, optionally the URL where it is published): a new
// Assessment node ASSESSES the claim; earlier ones stay as its history.
// `seq` numbers the claim's assessments in the order they were recorded (the
// latest counts). No row when the claim is unknown, and then nothing is written.
// @mode write
// @param claim        claim id
// @param id           id of the new assessment
// @param verdict      TRUE, MOSTLY_TRUE, MIXED, MOSTLY_FALSE, FALSE or UNVERIFIABLE
// @param rating       1 (false) to 5 (true)
// @param explanation  the editor's reasons (not blank)
// @param url          where the assessment is published, or null
// @param by           the editor
// @param at           when (ISO 8601)
MATCH (c:Claim {id: $claim})
// The claim's own node is the lock: written before max(seq) is read, so a
// concurrent assessment of the claim waits for this one's commit (Neo4j) or
// conflicts and is retried (embedded), and never takes the same seq.
SET c.lock = coalesce(c.lock, 0) + 1
WITH c
CALL (c) {
  // MATCH, not OPTIONAL MATCH: an aggregate over no row still gives one row, and
  // Grafeo plans OPTIONAL MATCH here as a join over every node.
  MATCH (c)<-[:ASSESSES]-(old:Assessment)
  RETURN coalesce(max(old.seq), 0) AS previous
}
CREATE (a:Assessment {id: $id, verdict: $verdict, rating: $rating, explanation: $explanation, url: $url, by: $by, at: $at, seq: previous + 1})-[:ASSESSES]->(c)
RETURN a.id AS id
