// Keeps the candidate n whose search text (src/graph/names.ts `searchText`,
// tokens between spaces) holds one of $terms (a word as it is, a skeleton
// `~kld` as `0kld`) or a token that one of $words of 3 letters or more
// begins: what the ranking (search-ranking) scores above 0. The index's
// candidates are a superset (a query word of 6 letters or more asks for its
// first 5).
WHERE any(t IN $terms WHERE ' ' + n.searchText + ' ' CONTAINS ' ' + (CASE WHEN t STARTS WITH '~' THEN '0' + substring(t, 1) ELSE t END) + ' ')
   OR any(w IN $words WHERE size(w) >= 3 AND ' ' + n.searchText CONTAINS ' ' + w)
