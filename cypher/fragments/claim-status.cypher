// The claim status rule (docs/ANALYSIS.md): REFUTED by an editor's latest
// FALSE verdict, else CONTESTED when a source that is not a party to the
// claim is against it or doubts it, else
// CORROBORATED by 2 independent clusters, else UNVERIFIED. Expects what the
// independence rule and the merges leave; leaves key, hedging, doubting,
// denying, withdrawn, assessment, interests, pro, con, weighed (the side
// against without the claim's parties; null unless weighInterests and a
// party is against the claim: then it is `con`), status.
// Status weighs the voices against as credibility does: a party's denial or
// doubt is shown (corroboration, conflicts, facts) but contests nothing, so
// every caller computes the side `weighed` (weighInterests true).
WITH key, hedging, doubting, denying, withdrawn, assessment, interests,
     collect({side: side, group: group, clusters: [cl IN clusters | cl.sources], leaning: leaningClusters, merges: merges}) AS sides
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, head([x IN sides WHERE x.side = 'for']) AS pro,
     head([x IN sides WHERE x.side = 'against']) AS con, head([x IN sides WHERE x.side = 'weighed']) AS weighed
WITH key, hedging, doubting, denying, withdrawn, assessment, interests, pro, con, weighed,
     CASE
       WHEN assessment.verdict = 'FALSE' THEN 'REFUTED'
       WHEN size(CASE WHEN weighed IS NULL THEN con.group ELSE weighed.group END) > 0 OR interests.doubting > 0 THEN 'CONTESTED'
       WHEN size(pro.clusters) >= 2 THEN 'CORROBORATED'
       ELSE 'UNVERIFIED'
     END AS status
