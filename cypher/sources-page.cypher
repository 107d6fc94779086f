// One page of sources in id order. Keyset pagination as in claims-page. (A
// search ranks instead: sources-search.)
// @mode read
// @param after   source id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit   maximum number of rows
MATCH (s:Source)
WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .aliases} AS source
ORDER BY source.id
