// Entities ranked by how well their name and aliases match a search, scored
// as in claims-search (exact word 1, prefix 0.6, skeleton 0.3), plus 1 when
// the whole query is the name or an alias: every
// spelling of a name finds the entity. One page and the total, in one query.
// @mode read
// @param words       the query's words, normalised (src/graph/names.ts `searchTerms`)
// @param skeletons   per word, its skeleton marked with "~", or '' when it has none
// @param terms       the words and the non-empty skeletons together (what a hit must hold one of)
// @param entities    ids of the candidates (the Entity full-text index, src/store/search-port.ts)
// @param nameKey     the whole query as a name key (src/graph/names.ts `nameKey`): a name or alias equal to it scores 1 more
// @param skeletonKeys the whole query's sound keys (src/graph/resolve.ts `skeletonKeys`), maybe none: a name or alias spelled otherwise that shares one scores 0.9 more
// @param afterScore  the score of the previous page's last row, or null for the first page
// @param afterId     the id of the previous page's last row, or null for the first page
// @param limit       maximum number of rows
UNWIND $entities AS candidate
MATCH (n:Entity {id: candidate})
// @include search-hit
WITH n AS x, n, 1.0 AS weight,
     // A name or alias that is the whole query outranks one that merely contains its words.
     // Spelled otherwise (a shared sound key), 0.9: the man asked for, above another whose name holds some of the words as written.
     CASE WHEN n.nameKey = $nameKey OR $nameKey IN coalesce(n.aliasKeys, []) THEN 1.0
          WHEN any(k IN $skeletonKeys WHERE k IN coalesce(n.skeletonKeys, [])) THEN 0.9 ELSE 0.0 END AS bonus
// @include search-ranking
// The page's rows projected, found again by id (one index seek each).
CALL (page) {
  UNWIND page AS r
  MATCH (x:Entity {id: r.id})
  RETURN collect({score: r.score, entity: x {.id, .name, .description, .aliases}}) AS rows
}
RETURN total, rows AS page
