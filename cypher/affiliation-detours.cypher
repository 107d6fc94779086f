// The sources through which `a` is affiliated with `b`, or `b` with `a`, at
// any depth (a direct affiliation has none). Merging a and b would turn each
// such path into a cycle, which the independence rule cannot walk.
// @mode read
// @param a  source id
// @param b  source id
CALL () {
  OPTIONAL MATCH (:Source {id: $a})-[:AFFILIATED_WITH]->(mid:Source)-[:AFFILIATED_WITH*1..]->(:Source {id: $b})
  RETURN collect(DISTINCT mid.id) AS aToB
}
CALL () {
  OPTIONAL MATCH (:Source {id: $b})-[:AFFILIATED_WITH]->(mid:Source)-[:AFFILIATED_WITH*1..]->(:Source {id: $a})
  RETURN collect(DISTINCT mid.id) AS bToA
}
RETURN aToB, bToA
