// Every source's kept-up top-level affiliations and group of alike names,
// and every statement's origin (cypher/write-source-roots, write-source-alike,
// write-statement-origins), as stored:
// what a rebuild from scratch is compared with, and what the start-up check
// counts when some are missing (a graph stored before they were kept).
// @mode read
CALL () {
  MATCH (s:Source)
  WITH s ORDER BY s.id
  RETURN collect([s.id, s.roots, s.alike]) AS sources
}
CALL () {
  MATCH (st:Statement)
  WITH st ORDER BY st.id
  RETURN collect([st.id, st.origin]) AS statements
}
RETURN sources, statements
