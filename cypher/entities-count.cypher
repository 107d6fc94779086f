// How many entities entities-page lists over all its pages.
// @mode read
MATCH (e:Entity)
RETURN count(e) AS total
