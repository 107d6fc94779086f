// For a node written by an earlier version, which kept its search words as
// a list (`searchWords`) besides the text: sets n.searchText from them where
// it has none (written before the full-text indexes), as src/graph/names.ts
// `searchText` makes it (a word as it is, a skeleton `~kld` as `0kld`, the
// first 3, 4 and 5 letters of a longer word as `1zel`…), then removes the
// list, which the ranking no longer reads (cypher/backfill-search-text).
// A text already there is not set again: that would index it again.
// Repeats are kept: they change no candidate.
CALL (n) {
  WITH n WHERE n.searchText IS NULL
  SET n.searchText = substring(reduce(text = '', w IN n.searchWords | text + ' ' +
        CASE WHEN w STARTS WITH '~' THEN '0' + substring(w, 1)
             ELSE w + reduce(p = '', k IN [3, 4, 5] | p + CASE WHEN size(w) > k THEN ' 1' + left(w, k) ELSE '' END) END), 1)
}
REMOVE n.searchWords
