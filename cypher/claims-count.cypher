// How many claims claims-page would list over all its pages.
// @mode read
// @param search  lower-case search string, or null for every claim
MATCH (c:Claim)
WHERE $search IS NULL
   OR toLower(c.text) CONTAINS $search
   OR EXISTS { MATCH (c)<-[:ON]-(st:Statement) WHERE toLower(st.quote) CONTAINS $search }
RETURN count(c) AS total
