// How many claims have no kept-up standing, or lack a fact kept with it
// since: stored before standings were kept, or before `directlyAsserted`
// and `directlyDenied` were (src/graph/standing.ts, rebuildStandings). Run
// once at start.
// @mode read
MATCH (c:Claim)
WHERE c.standing IS NULL OR c.directlyAsserted IS NULL OR c.directlyDenied IS NULL
RETURN count(c) AS total
