// The claim status rule (docs/ANALYSIS.md): REFUTED by an editor's latest
// FALSE verdict, else CONTESTED when any source is against or doubts, else
// CORROBORATED by 2 independent clusters, else UNVERIFIED. Expects what the
// independence rule and the merges leave; leaves key, hedging, doubting,
// denying, withdrawn, assessment, interests, pro, con, weighed (the side
// against without the claim's parties; null unless weighInterests and a
// party is against the claim: then it is `con`), status.
// Status counts every voice against, parties' included: a party's denial
// still contests the claim.
WITH key, hedging, doubting, denying, withdrawn, assessment, interests,
     collect({side: side, group: group, clusters: [cl IN clusters | cl.sources], leaning: leaningClusters, merges: merges}) AS sides
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, head([x IN sides WHERE x.side = 'for']) AS pro,
     head([x IN sides WHERE x.side = 'against']) AS con, head([x IN sides WHERE x.side = 'weighed']) AS weighed
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, pro, con, weighed,
     CASE
       WHEN assessment.verdict = 'FALSE' THEN 'REFUTED'
       WHEN size(con.group) > 0 OR doubting > 0 THEN 'CONTESTED'
       WHEN size(pro.clusters) >= 2 THEN 'CORROBORATED'
       ELSE 'UNVERIFIED'
     END AS status
