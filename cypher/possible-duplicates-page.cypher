// One page of the pairs of records that may be one and that no editor has
// rejected, ordered by (label, lower id, higher id), with the total. A pair
// whose records were merged since is gone (a merge removes one of the two).
// @mode read
// @param label      Source, Entity or Claim, or null for every kind
// @param afterKey   the "label id id" key of the previous page's last row, or null
// @param limit      maximum number of rows
CALL () {
  MATCH (x:Source)-[p:POSSIBLY_SAME]->(y:Source) WHERE ($label IS NULL OR $label = 'Source') AND p.rejected IS NULL
  RETURN 'Source' AS label, x.id AS a, y.id AS b, p
  UNION
  MATCH (x:Entity)-[p:POSSIBLY_SAME]->(y:Entity) WHERE ($label IS NULL OR $label = 'Entity') AND p.rejected IS NULL
  RETURN 'Entity' AS label, x.id AS a, y.id AS b, p
  UNION
  MATCH (x:Claim)-[p:POSSIBLY_SAME]->(y:Claim) WHERE ($label IS NULL OR $label = 'Claim') AND p.rejected IS NULL
  RETURN 'Claim' AS label, x.id AS a, y.id AS b, p
}
// Merges may have turned a pair around: list it lower id first.
WITH label, CASE WHEN a < b THEN a ELSE b END AS low, CASE WHEN a < b THEN b ELSE a END AS high, p
WITH label, low, high, p, label + ' ' + low + ' ' + high AS sortKey
ORDER BY sortKey
WITH collect({label: label, a: low, b: high, reason: p.reason, key: p.key, score: p.score, sortKey: sortKey}) AS rows
RETURN size(rows) AS total, [r IN rows WHERE $afterKey IS NULL OR r.sortKey > $afterKey][0..$limit] AS page
