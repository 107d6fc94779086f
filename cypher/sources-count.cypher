// How many sources sources-page lists over all its pages.
// @mode read
MATCH (s:Source)
RETURN count(s) AS total
