// One page of sources in id order, optionally only those whose name, an alias
// or description contains the search string (case-insensitive). Keyset
// pagination as in claims-page.
// @mode read
// @param search  lower-case search string, or null for every source
// @param after   source id the previous page ended with, or null for the first page
// @param limit   maximum number of rows
MATCH (s:Source)
WHERE ($after IS NULL OR s.id > $after)
  AND ($search IS NULL
       OR toLower(s.name) CONTAINS $search
       OR toLower(s.description) CONTAINS $search
       OR any(alias IN s.aliases WHERE toLower(alias) CONTAINS $search))
RETURN s {.id, .name, .kind, .anonymous, .count, .description, .aliases} AS source
ORDER BY source.id
LIMIT $limit
