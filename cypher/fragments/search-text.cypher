// Sets n.searchText from n.searchWords as src/graph/names.ts `searchText`
// makes it (a word as it is, a skeleton `~kld` as `0kld`, the first 3, 4 and
// 5 letters of a longer word as `1zel`…), for nodes written before the
// full-text indexes (cypher/backfill-search-text). Repeats are kept: they
// change no candidate.
SET n.searchText = substring(reduce(text = '', w IN n.searchWords | text + ' ' +
      CASE WHEN w STARTS WITH '~' THEN '0' + substring(w, 1)
           ELSE w + reduce(p = '', k IN [3, 4, 5] | p + CASE WHEN size(w) > k THEN ' 1' + left(w, k) ELSE '' END) END), 1)
