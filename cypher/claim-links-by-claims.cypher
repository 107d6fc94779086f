// For each given claim: the claims it contradicts or supports, in either direction, with who linked them and why.
// @mode read
// @param ids  list of claim ids
UNWIND $ids AS key
MATCH (c:Claim {id: key})
RETURN key,
       [(c)-[l:CONTRADICTS]->(o:Claim) | {type: 'CONTRADICTS', claim: o.id, outgoing: true, linkedBy: l.linkedBy, reason: l.reason}]
     + [(c)<-[l:CONTRADICTS]-(o:Claim) | {type: 'CONTRADICTS', claim: o.id, outgoing: false, linkedBy: l.linkedBy, reason: l.reason}]
     + [(c)-[l:SUPPORTS]->(o:Claim) | {type: 'SUPPORTS', claim: o.id, outgoing: true, linkedBy: l.linkedBy, reason: l.reason}]
     + [(c)<-[l:SUPPORTS]-(o:Claim) | {type: 'SUPPORTS', claim: o.id, outgoing: false, linkedBy: l.linkedBy, reason: l.reason}] AS links
