// How many claims claims-page lists over all its pages.
// @mode read
MATCH (c:Claim)
RETURN count(c) AS total
