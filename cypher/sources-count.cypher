// How many sources sources-page would list over all its pages.
// @mode read
// @param search  lower-case search string, or null for every source
MATCH (s:Source)
WHERE $search IS NULL
   OR toLower(s.name) CONTAINS $search
   OR toLower(s.description) CONTAINS $search
   OR any(alias IN s.aliases WHERE toLower(alias) CONTAINS $search)
RETURN count(s) AS total
