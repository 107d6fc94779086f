// One page of entities in id order. Keyset pagination as in claims-page. (A
// search ranks instead: entities-search.)
// @mode read
// @param after   entity id the previous page ended with, or '' for the first page (every id is a non-empty string)
// @param limit   maximum number of rows
MATCH (e:Entity)
WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $limit
RETURN e {.id, .name, .description, .aliases} AS entity
ORDER BY entity.id
