// The kept-up standing and current-position counts of the given claims, as
// stored (cypher/write-claim-standing).
// @mode read
// @param ids  claim ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c {.id, .standing, .asserting, .hedging, .denying, .doubting, .opposing, .withdrawing, .asserted, .denied, .directlyAsserted, .directlyDenied} AS standing
ORDER BY c.id
