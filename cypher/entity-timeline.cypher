// A page of each given entity's timeline: every statement on a claim ABOUT
// the entity, ordered by when it was made or reported. The date is the
// statement's madeAt when that is an ISO 8601 date or datetime ('MADE'), else
// its document's publishedAt when that is ISO 8601 ('REPORTED'), else unknown
// ('UNKNOWN'). Known dates come first, ascending (compared as text), then the
// unknown ones; ties and unknown dates go by statement id. Keyset paging on
// (rank, dateKey, statement id); `total` counts every page. One row per
// entity found; none for an unknown id.
// @mode read
// @param ids        list of entity ids
// @param afterRank  0 (known date) or 1 (unknown) of the last entry seen, or null for the first page
// @param afterDate  the date of the last entry seen ('' when unknown), or null
// @param afterId    the statement id of the last entry seen, or null
// @param limit      how many entries to return at most
UNWIND $ids AS key
MATCH (e:Entity {id: key})
CALL (e) {
  MATCH (e)<-[:ABOUT]-(c:Claim)<-[:ON]-(st:Statement)<-[:MADE]-(src:Source)
  WITH c, st, src, head([(st)-[:REPORTED_IN]->(d:Document) | d]) AS doc
  WITH c, st, src, doc,
       CASE
         WHEN st.madeAt =~ '[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?)?)?' THEN 'MADE'
         WHEN doc.publishedAt =~ '[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?)?)?' THEN 'REPORTED'
         ELSE 'UNKNOWN'
       END AS dateSource
  WITH c, st, src, doc, dateSource,
       CASE dateSource WHEN 'MADE' THEN st.madeAt WHEN 'REPORTED' THEN doc.publishedAt ELSE null END AS date
  WITH c, st, src, doc, dateSource, date,
       CASE WHEN date IS NULL THEN 1 ELSE 0 END AS rank, coalesce(date, '') AS dateKey
  ORDER BY rank, dateKey, st.id
  WITH c, st, src, doc, dateSource, date, rank, dateKey,
       $afterRank IS NULL OR rank > $afterRank
         OR (rank = $afterRank AND (dateKey > $afterDate OR (dateKey = $afterDate AND st.id > $afterId))) AS onPage
  WITH count(st) AS total,
       collect(CASE WHEN onPage THEN {
           statement: st {.id, .stance, .quote, .paraphrase, .hedge, .madeAt, source: src.id, claim: c.id,
                          document: doc.id, reportedVia: head([(st)-[:REPORTED_VIA]->(r:Statement) | r.id])},
           date: date, dateSource: dateSource, dateText: st.madeAt, rank: rank, dateKey: dateKey
         } END) AS entries
  RETURN total, entries[..$limit] AS page
}
RETURN key, total, page
