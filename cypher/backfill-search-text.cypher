// Gives up to $limit nodes of each searchable label that have search words
// but no search text (written before the full-text indexes, docs/MODEL.md
// "Search") their search text, so the indexes find them; run at every open
// until it fills none (src/graph/search.ts `backfillSearchText`). A pass over
// each label, which finds nothing once a store is filled.
// @mode write
// @param limit  at most this many nodes of each label per run
CALL () {
  MATCH (n:Claim) WHERE n.searchText IS NULL AND n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS claims
}
CALL () {
  MATCH (n:Statement) WHERE n.searchText IS NULL AND n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS statements
}
CALL () {
  MATCH (n:Source) WHERE n.searchText IS NULL AND n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS sources
}
CALL () {
  MATCH (n:Entity) WHERE n.searchText IS NULL AND n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS entities
}
CALL () {
  MATCH (n:Document) WHERE n.searchText IS NULL AND n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS documents
}
RETURN claims + statements + sources + entities + documents AS filled
