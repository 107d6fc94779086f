// Up to $limit nodes of each searchable label that still hold the search
// words as a list (`searchWords`, which earlier versions wrote): gives those
// without search text (written before the full-text indexes, docs/MODEL.md
// "Search") their text, so the indexes find them, and removes the list from
// all of them (the ranking reads the text alone). Run at every open until it
// changes none (src/store/open.ts `backfillSearchText`). A pass over each
// label, which finds nothing once a store is done.
// @mode write
// @param limit  at most this many nodes of each label per run
CALL () {
  MATCH (n:Claim) WHERE n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS claims
}
CALL () {
  MATCH (n:Statement) WHERE n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS statements
}
CALL () {
  MATCH (n:Source) WHERE n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS sources
}
CALL () {
  MATCH (n:Entity) WHERE n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS entities
}
CALL () {
  MATCH (n:Document) WHERE n.searchWords IS NOT NULL
  WITH n LIMIT $limit
  // @include search-text
  RETURN count(n) AS documents
}
RETURN claims + statements + sources + entities + documents AS filled
