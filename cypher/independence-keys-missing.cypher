// How many sources and statements have no kept-up independence key (roots, alike,
// origin): stored before they were kept (src/graph/independence.ts). Run
// once at start.
// @mode read
CALL () {
  MATCH (s:Source)
  WHERE s.roots IS NULL OR s.alike IS NULL
  RETURN count(s) AS sources
}
CALL () {
  MATCH (st:Statement)
  WHERE st.origin IS NULL
  RETURN count(st) AS statements
}
RETURN sources, statements
