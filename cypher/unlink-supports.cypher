// Removes the SUPPORTS link drawn from one claim to another (direction matters:
// `from` makes `to` more likely).
// @mode write
// @param from  claim id
// @param to    claim id
MATCH (:Claim {id: $from})-[l:SUPPORTS]->(:Claim {id: $to})
DELETE l
RETURN count(*) AS removed
