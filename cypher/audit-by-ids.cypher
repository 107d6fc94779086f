// Who wrote each given record and when: the audit fields of nodes by id,
// one list per label (ids are unique within a label only). Unknown ids and
// records written before auditing yield nothing or nulls. An update stamp
// equal to the creation's is not stored (create-*): the creation's stands for it.
// @mode read
// @param sources     list of source ids
// @param entities    list of entity ids
// @param documents   list of document ids
// @param claims      list of claim ids
// @param statements  list of statement ids
CALL () { UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN collect(n {.id, .createdAt, .createdBy, updatedAt: coalesce(n.updatedAt, n.createdAt), updatedBy: coalesce(n.updatedBy, n.createdBy)}) AS sources }
CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN collect(n {.id, .createdAt, .createdBy, updatedAt: coalesce(n.updatedAt, n.createdAt), updatedBy: coalesce(n.updatedBy, n.createdBy)}) AS entities }
CALL () { UNWIND $documents AS id MATCH (n:Document {id: id}) RETURN collect(n {.id, .createdAt, .createdBy, updatedAt: coalesce(n.updatedAt, n.createdAt), updatedBy: coalesce(n.updatedBy, n.createdBy)}) AS documents }
CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect(n {.id, .createdAt, .createdBy, updatedAt: coalesce(n.updatedAt, n.createdAt), updatedBy: coalesce(n.updatedBy, n.createdBy)}) AS claims }
CALL () { UNWIND $statements AS id MATCH (n:Statement {id: id}) RETURN collect(n {.id, .createdAt, .createdBy, updatedAt: coalesce(n.updatedAt, n.createdAt), updatedBy: coalesce(n.updatedBy, n.createdBy)}) AS statements }
RETURN sources, entities, documents, claims, statements
