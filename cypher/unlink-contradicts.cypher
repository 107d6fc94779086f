// Removes the CONTRADICTS link between two claims, in whichever direction it
// was drawn (both, if it was drawn twice): every query reads it both ways.
// @mode write
// @param from  claim id
// @param to    claim id
MATCH (:Claim {id: $from})-[l:CONTRADICTS]-(:Claim {id: $to})
DELETE l
RETURN count(*) AS removed
