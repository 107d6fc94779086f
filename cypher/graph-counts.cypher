// Counts the nodes of each label: tells whether the store is empty (to seed it) and what an import wrote.
// @mode read
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Statement) RETURN count(n) AS statements }
RETURN sources, entities, documents, claims, statements
