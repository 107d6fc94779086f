// The stored properties of the affiliations and claim links a bundle names
// between records already stored, so that an import writes only the new or
// changed ones.
// @mode read
// @param affiliations  list of {source, parent}
// @param links         list of {type, from, to}: type CONTRADICTS, SUPPORTS or IMPLIES
CALL () {
  UNWIND $affiliations AS a
  MATCH (:Source {id: a.source})-[r:AFFILIATED_WITH]->(:Source {id: a.parent})
  RETURN collect({source: a.source, parent: a.parent, role: r.role}) AS affiliations
}
CALL () {
  UNWIND $links AS l
  MATCH (:Claim {id: l.from})-[r:CONTRADICTS|SUPPORTS|IMPLIES]->(:Claim {id: l.to})
  WHERE type(r) = l.type
  RETURN collect({type: l.type, from: l.from, to: l.to, linkedBy: r.linkedBy, reason: r.reason}) AS links
}
RETURN affiliations, links
