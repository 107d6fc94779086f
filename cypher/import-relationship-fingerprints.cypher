// What the graph already holds of a bundle's relationships between stored
// records, so the importer writes only what is new or changed: the
// properties of each affiliation and claim link between the given ends.
// @mode read
// @param affiliations  list of {source, parent}: source ids
// @param links         list of {type, from, to}: claim ids
CALL () {
  UNWIND $affiliations AS a
  MATCH (:Source {id: a.source})-[r:AFFILIATED_WITH]->(:Source {id: a.parent})
  RETURN collect({source: a.source, parent: a.parent, role: r.role}) AS affiliations
}
CALL () {
  UNWIND $links AS l
  MATCH (:Claim {id: l.from})-[r:CONTRADICTS|SUPPORTS]->(:Claim {id: l.to})
  WHERE type(r) = l.type
  RETURN collect({type: l.type, from: l.from, to: l.to, linkedBy: r.linkedBy, reason: r.reason}) AS links
}
RETURN affiliations, links
