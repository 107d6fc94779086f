// The ranking every search shares: from rows of (x, the record found; n, the
// record whose words matched; weight, the field's weight; bonus, added once
// to x's score: 1 for a name that is the whole query), each query word
// scores 1.0 for an exact word, 0.6 for a prefix (3 letters or more), 0.3
// for another spelling (its skeleton), times the weight; then the page after
// ($afterScore, $afterId), $limit rows, as `page`, with the `total`.
// The words are read from n's search text (src/graph/names.ts `searchText`),
// a token between spaces: every word as it is, a skeleton `~kld` as `0kld`.
// Its prefix tokens (`1zel`) begin with a digit, so only a query word of
// that very form (a 1 and the first 3 to 5 letters of another word of n)
// could be read as one.
// Parameters: $words, $skeletons, $afterId, $afterScore, $limit.
WITH x, bonus, weight, ' ' + coalesce(n.searchText, '') + ' ' AS text
WITH x, bonus, [i IN range(0, size($words) - 1) | weight * CASE
         WHEN $words[i] <> '' AND text CONTAINS ' ' + $words[i] + ' ' THEN 1.0
         WHEN size($words[i]) >= 3 AND text CONTAINS ' ' + $words[i] THEN 0.6
         WHEN $skeletons[i] <> '' AND text CONTAINS ' 0' + substring($skeletons[i], 1) + ' ' THEN 0.3
         ELSE 0.0 END] AS v
// Per query word, the best match over every field (weighted); a row's score
// is the sum over the words. Ties go to the lower id.
WITH x, max(bonus) AS bonus, collect(v) AS vs
WITH x, bonus + reduce(total = 0.0, i IN range(0, size($words) - 1) | total + reduce(best = 0.0, v IN vs | CASE WHEN v[i] > best THEN v[i] ELSE best END)) AS score
ORDER BY score DESC, x.id
WITH collect({id: x.id, score: score}) AS ranked
WITH size(ranked) AS total,
     [r IN ranked WHERE $afterId IS NULL OR r.score < $afterScore OR (r.score = $afterScore AND r.id > $afterId)][0..$limit] AS page
