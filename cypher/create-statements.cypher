// Creates statements that are new by id (the importer checked that the
// graph holds none of them): who made them and on which claim, with their
// effective date and position as the importer computed them from the bundle
// (src/graph/positions.ts; statements on claims the graph held already are
// computed again after the import). create-appearances then links the
// documents that printed them, create-statement-links their derivations and
// explicit revisions.
// @mode write
// @param rows  list of {id, source, claim, stance, hedged, hedge, date, madeAt, quote, paraphrase, current, dateStart, dateEnd, datePrecision, dateBasis, searchText, hash, createdAt, createdBy, updatedAt, updatedBy}
// `updatedAt`/`updatedBy` equal to `createdAt`/`createdBy` are not stored: readers take the
// created ones for them (audit-by-ids, export-*), and a new record's are the same.
UNWIND $rows AS row
MATCH (src:Source {id: row.source})
MATCH (c:Claim {id: row.claim})
CREATE (st:Statement {id: row.id, stance: row.stance, hedged: row.hedged, hedge: row.hedge, date: row.date, madeAt: row.madeAt,
                      quote: row.quote, paraphrase: row.paraphrase, current: row.current,
                      dateStart: row.dateStart, dateEnd: row.dateEnd, datePrecision: row.datePrecision, dateBasis: row.dateBasis,
                      searchText: row.searchText,
                      hash: row.hash, createdAt: row.createdAt, createdBy: row.createdBy,
                      updatedAt: CASE WHEN row.updatedAt = row.createdAt THEN null ELSE row.updatedAt END,
                      updatedBy: CASE WHEN row.updatedBy = row.createdBy THEN null ELSE row.updatedBy END})
CREATE (src)-[:MADE]->(st)
CREATE (st)-[:ON]->(c)
RETURN count(st) AS written
