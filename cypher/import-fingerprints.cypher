// What the graph already holds of a bundle, so the importer writes only what
// is new or changed: the fingerprint of each node by id, and the properties
// of each affiliation and claim link between the given ends.
// @mode read
// @param sources       list of source ids
// @param entities      list of entity ids
// @param documents     list of document ids
// @param claims        list of claim ids
// @param statements    list of statement ids
// @param affiliations  list of {source, parent}
// @param links         list of {type, from, to}
CALL () { UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN collect({id: id, hash: n.hash}) AS sources }
CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN collect({id: id, hash: n.hash}) AS entities }
CALL () { UNWIND $documents AS id MATCH (n:Document {id: id}) RETURN collect({id: id, hash: n.hash}) AS documents }
CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect({id: id, hash: n.hash}) AS claims }
CALL () { UNWIND $statements AS id MATCH (n:Statement {id: id}) RETURN collect({id: id, hash: n.hash}) AS statements }
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
RETURN sources, entities, documents, claims, statements, affiliations, links
