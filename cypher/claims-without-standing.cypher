// How many claims have no kept-up standing: stored before standings were
// kept (src/graph/standing.ts, rebuildStandings). Run once at start.
// @mode read
MATCH (c:Claim)
WHERE c.standing IS NULL
RETURN count(c) AS total
