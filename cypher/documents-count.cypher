// How many documents documents-page lists over all its pages.
// @mode read
MATCH (d:Document)
RETURN count(d) AS total
