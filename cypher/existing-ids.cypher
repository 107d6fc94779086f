// Which of the given ids exist in the graph, per label: a bundle or an
// editor's input may refer to records already stored.
// @mode read
// @param sources     list of source ids
// @param entities    list of entity ids
// @param documents   list of document ids
// @param claims      list of claim ids
// @param statements  list of statement ids
CALL () { UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN collect(id) AS sources }
CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN collect(id) AS entities }
CALL () { UNWIND $documents AS id MATCH (n:Document {id: id}) RETURN collect(id) AS documents }
CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect(id) AS claims }
CALL () { UNWIND $statements AS id MATCH (n:Statement {id: id}) RETURN collect(id) AS statements }
RETURN sources, entities, documents, claims, statements
