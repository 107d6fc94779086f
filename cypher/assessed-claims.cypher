// The ids of the claims an editor has assessed, in id order: the ClaimReview
// data feed (every assessed claim's latest assessment) reads their reviews
// with claim-reviews-by-claims. It reads the Assessment label whole, on
// purpose: the feed is every assessment's claim.
// @mode read
MATCH (a:Assessment)-[:ASSESSES]->(c:Claim)
WITH DISTINCT c.id AS id
RETURN id ORDER BY id
