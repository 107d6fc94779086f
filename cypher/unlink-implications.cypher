// Removes the IMPLIES link from one claim to another (only that direction:
// "A implies B" says nothing of B implying A).
// @mode write
// @param from  claim id
// @param to    claim id
MATCH (:Claim {id: $from})-[l:IMPLIES]->(:Claim {id: $to})
DELETE l
RETURN count(*) AS removed
