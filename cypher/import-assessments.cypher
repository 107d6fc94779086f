// Adds editors' assessments from a bundle to their claims' histories: an
// Assessment node per id not stored yet (an assessment is never rewritten),
// numbered after the claim's assessments already stored, in the order given
// (the importer sorts them by time).
// @mode write
// @param rows  list of {id, claim, verdict, rating, explanation, url, by, at}
UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
WHERE NOT EXISTS { MATCH (:Assessment {id: row.id}) }
CALL (c) {
  // MATCH, not OPTIONAL MATCH: an aggregate over no row still gives one row, and
  // Grafeo plans OPTIONAL MATCH here as a join over every node.
  MATCH (c)<-[:ASSESSES]-(old:Assessment)
  RETURN coalesce(max(old.seq), 0) AS previous
}
CREATE (a:Assessment {id: row.id, verdict: row.verdict, rating: row.rating, explanation: row.explanation, url: row.url,
                      by: row.by, at: row.at, seq: previous + 1})-[:ASSESSES]->(c)
RETURN count(a) AS written
