// The records whose keys or search words the current name rules may read
// differently from those a store was written with (src/graph/name-keys.ts):
// those whose names or words hold one of $marks (version 2: an apostrophe or
// a mark typed for one; version 3: also the hamza and ayn of transliteration), and, when $allNames,
// every source and entity (version 6: sound skeletons, which every name has). Run once per store,
// when its marker records older rules: a pass over each searchable label, returning only the candidates.
// @mode read
// @param marks     list of characters whose reading changed
// @param allNames  true: every source and entity is a candidate (their keys changed whatever their names hold)
CALL () {
  MATCH (n:Source)
  WITH n, [n.name] + coalesce(n.aliases, []) AS texts
  WHERE $allNames OR any(t IN texts WHERE t IS NOT NULL AND any(m IN $marks WHERE t CONTAINS m))
  RETURN collect({id: n.id, name: n.name, aliases: coalesce(n.aliases, [])}) AS sources
}
CALL () {
  MATCH (n:Entity)
  WITH n, [n.name] + coalesce(n.aliases, []) AS texts
  WHERE $allNames OR any(t IN texts WHERE t IS NOT NULL AND any(m IN $marks WHERE t CONTAINS m))
  RETURN collect({id: n.id, name: n.name, aliases: coalesce(n.aliases, [])}) AS entities
}
CALL () {
  MATCH (n:Document)
  WHERE n.title IS NOT NULL AND any(m IN $marks WHERE n.title CONTAINS m)
  RETURN collect({id: n.id, texts: [n.title]}) AS documents
}
CALL () {
  MATCH (n:Claim)
  WHERE n.text IS NOT NULL AND any(m IN $marks WHERE n.text CONTAINS m)
  RETURN collect({id: n.id, texts: [n.text]}) AS claims
}
CALL () {
  MATCH (n:Statement)
  WITH n, [n.quote, n.paraphrase, n.hedge]
          + [(n)-[ap:APPEARS_IN]->(:Document) | ap.quote]
          + [(n)-[ap:APPEARS_IN]->(:Document) | ap.paraphrase] AS texts
  WHERE any(t IN texts WHERE t IS NOT NULL AND any(m IN $marks WHERE t CONTAINS m))
  RETURN collect({id: n.id, texts: texts}) AS statements
}
RETURN sources, entities, documents, claims, statements
