// Fetches statements by id: the statement as the API shows it (its stance
// and firmness, dates, position over time, appearances with their
// intermediaries, derivation and revisions), with the ids of its source and claim.
// @mode read
// @param ids  list of statement ids
UNWIND $ids AS id
MATCH (st:Statement {id: id})<-[:MADE]-(src:Source)
MATCH (st)-[:ON]->(c:Claim)
// @include statement-projection
RETURN statement
