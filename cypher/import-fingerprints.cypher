// Which of the ids a bundle defines or refers to the graph already holds,
// per label, each as a pair [id, fingerprint] (the fingerprint null when the
// record has none; pairs are cheaper to return than maps), statements as
// [id, fingerprint, claim id] (a changed statement's old claim needs its
// positions computed again), documents as [id, fingerprint, publishedAt] (a
// new statement's date may rest on it). The importer checks references against these
// ids, creates the records it does not find, and rewrites only those whose
// fingerprint changed. Ids are resolved through redirects first (import-redirects).
// @mode read
// @param sources     list of source ids
// @param entities    list of entity ids
// @param documents   list of document ids
// @param claims      list of claim ids
// @param statements  list of statement ids
// @param questions   list of question ids
CALL () { UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN collect([id, n.hash]) AS sources }
CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN collect([id, n.hash]) AS entities }
CALL () { UNWIND $documents AS id MATCH (n:Document {id: id}) RETURN collect([id, n.hash, n.publishedAt]) AS documents }
CALL () { UNWIND $claims AS id MATCH (n:Claim {id: id}) RETURN collect([id, n.hash]) AS claims }
CALL () { UNWIND $statements AS id MATCH (n:Statement {id: id})-[:ON]->(c:Claim) RETURN collect([id, n.hash, c.id]) AS statements }
CALL () { UNWIND $questions AS id MATCH (n:Question {id: id}) RETURN collect([id, n.hash]) AS questions }
RETURN sources, entities, documents, claims, statements, questions
