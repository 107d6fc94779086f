// One page of the CONTRADICTS, SUPPORTS and IMPLIES links of each of the given claims,
// in either direction, optionally of one type only, with who linked the
// claims and why, and how many links there are. Links are ordered by a sort
// key made of the type, the other claim's id and the direction, unique per
// link (MERGE draws a link once per direction); the page is cut before the
// links are projected.
// @mode read
// @param ids    list of claim ids
// @param types  per id, the link type to list: 'CONTRADICTS', 'SUPPORTS', 'IMPLIES', or null for all
// @param afters per id, the sort key the previous page ended with (null: the first page)
// @param limit  maximum links per claim (one more than the page, to learn whether another follows)
UNWIND range(0, size($ids) - 1) AS i
WITH $ids[i] AS key, $afters[i] AS after, $types[i] AS linkType
MATCH (c:Claim {id: key})
CALL (c, linkType) {
  MATCH (c)-[l:CONTRADICTS|SUPPORTS|IMPLIES]-(o:Claim)
  WHERE linkType IS NULL OR type(l) = linkType
  RETURN count(l) AS total
}
CALL (c, linkType, after) {
  MATCH (c)-[l:CONTRADICTS|SUPPORTS|IMPLIES]-(o:Claim)
  WHERE linkType IS NULL OR type(l) = linkType
  WITH l, o, startNode(l) = c AS outgoing
  WITH l, o, outgoing, type(l) + ' ' + o.id + CASE WHEN outgoing THEN ' >' ELSE ' <' END AS sortKey
  WHERE after IS NULL OR sortKey > after
  WITH l, o, outgoing, sortKey ORDER BY sortKey LIMIT $limit
  RETURN collect({type: type(l), claim: o.id, outgoing: outgoing, linkedBy: l.linkedBy, reason: l.reason, sortKey: sortKey}) AS page
}
RETURN key, linkType, after, total, page
