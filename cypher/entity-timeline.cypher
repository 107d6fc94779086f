// A page of each given entity's timeline: every statement on a claim ABOUT
// the entity, one entry per act of saying (however many documents printed
// it), superseded ones included and marked. Each is placed by its effective
// date, computed on write (src/graph/positions.ts): the statement's own date
// ('SAID'), else the earliest publication of a document that printed it
// ('PUBLISHED'), else unknown ('UNKNOWN'). Dated entries come first, by the
// end of their interval, the more precise first among those that end
// together (TIME, DAY, MONTH, YEAR), then by statement id: so a report dated
// only "2021-09" comes after the announcement of 2021-09-17 it reports on.
// An undated statement that a dated one explicitly supersedes comes just
// before its earliest such reviser ('BEFORE_REVISION', precision rank -1),
// and so does a dated one withdrawn or explicitly revised by a statement whose
// date ends before its own (the withdrawal at 12:21 of a statement dated only
// by its day), keeping its own date and dateSource.
// Other undated entries come last, by statement id. With a PUBLISHED date, the
// publication dates of its documents come along, to give the date as
// written. Keyset paging on (rank, dateEnd, precision rank, statement id);
// `total` counts every page.
// One row per entity found; none for an unknown id.
// @mode read
// @param ids            list of entity ids
// @param afterRank      0 (dated) or 1 (undated) of the last entry seen, or null for the first page
// @param afterDate      the end of the last entry's date ('' when undated), or null
// @param afterPrecision the precision rank of the last entry (-1 before a revision, 0 TIME … 3 YEAR, 4 undated), or null
// @param afterId        the statement id of the last entry seen, or null
// @param limit          how many entries to return at most
UNWIND $ids AS key
MATCH (e:Entity {id: key})
CALL (e) {
  MATCH (e)<-[:ABOUT]-(c:Claim)<-[:ON]-(st:Statement)<-[:MADE]-(src:Source)
  WITH DISTINCT c, st, src
  // An undated statement that a dated one explicitly revises was made before
  // it: it is placed just before its earliest dated reviser.
  // So was a dated statement that its source's withdrawal or an explicit
  // revision supersedes, when its date ends after its reviser's (a day and a
  // time within it: their order is open): it too comes just before it.
  WITH c, st, src,
       [(st)<-[:SUPERSEDES]-(reviser:Statement) WHERE st.dateEnd IS NULL AND reviser.dateEnd IS NOT NULL | reviser.dateEnd] AS reviserEnds,
       [(st)-[by:SUPERSEDED_BY]->(reviser:Statement) WHERE st.dateEnd IS NOT NULL AND by.reason IN ['WITHDRAWN', 'EXPLICIT']
          AND reviser.dateEnd IS NOT NULL AND reviser.dateEnd < st.dateEnd | reviser.dateEnd] AS overlappingReviserEnds
  WITH c, st, src, reduce(earliest = null, end IN reviserEnds | CASE WHEN earliest IS NULL OR end < earliest THEN end ELSE earliest END) AS revisedAt,
       head(overlappingReviserEnds) AS placedBefore
  WITH c, st, src, revisedAt,
       CASE WHEN coalesce(st.dateEnd, revisedAt) IS NULL THEN 1 ELSE 0 END AS rank,
       coalesce(placedBefore, st.dateEnd, revisedAt, '') AS dateKey,
       CASE WHEN placedBefore IS NOT NULL OR (st.dateEnd IS NULL AND revisedAt IS NOT NULL) THEN -1
            ELSE CASE st.datePrecision WHEN 'TIME' THEN 0 WHEN 'DAY' THEN 1 WHEN 'MONTH' THEN 2 WHEN 'YEAR' THEN 3 ELSE 4 END
       END AS precisionRank
  ORDER BY rank, dateKey, precisionRank, st.id
  WITH c, st, src, revisedAt, rank, dateKey, precisionRank,
       $afterRank IS NULL OR rank > $afterRank
         OR (rank = $afterRank AND (dateKey > $afterDate
             OR (dateKey = $afterDate AND (precisionRank > $afterPrecision
                 OR (precisionRank = $afterPrecision AND st.id > $afterId))))) AS onPage
  // Apart from the map and the CASE below: a pattern comprehension inside either blinds the lint.
  WITH c, st, src, rank, dateKey, precisionRank, onPage,
       [(st)-[:APPEARS_IN]->(d:Document) WHERE onPage AND d.publishedAt IS NOT NULL | d.publishedAt] AS published,
       CASE WHEN st.dateEnd IS NULL AND revisedAt IS NOT NULL THEN 'BEFORE_REVISION' ELSE coalesce(st.dateBasis, 'UNKNOWN') END AS dateSource
  WITH count(st) AS total,
       collect(CASE WHEN onPage THEN {
           statement: st.id, date: st.date, start: st.dateStart, end: st.dateEnd, precision: st.datePrecision,
           published: published,
           dateSource: dateSource, dateText: st.madeAt, rank: rank, dateKey: dateKey, precisionRank: precisionRank
         } END) AS entries
  RETURN total, entries[..$limit] AS page
}
RETURN key, total, page
