import { toClaimJudgement, type ClaimJudgement } from '../analysis/credibility';
import type { Value } from '../store/port';
import { obj, type Obj } from '../store/rows';
import { int, str, strList } from '../graph/records';

/*
 * A claim's corroboration as the API shows it, decoded from the row that
 * corroboration-by-claims returns. It lives above analysis/ because it
 * carries the credibility judgement (src/analysis/credibility.ts); every
 * other row decoder is in src/graph/records.ts.
 */

export interface ClusterMergeNode {
  sources: [string, string];
  sharedParents: string[];
  sharedOrigins: string[];
  /** They may be one source under two spellings (a possible duplicate by name, undecided). */
  similarName: boolean;
}

export interface SourceClusterNode {
  sources: string[];
  merges: ClusterMergeNode[];
}

export interface CorroborationNode {
  assertingSources: number;
  independentSources: number;
  anonymousSources: number;
  impliedSources: number;
  implied: { source: string; through: string[] }[];
  hedgingSources: number;
  denyingSources: number;
  doubtingSources: number;
  withdrawnSources: number;
  contradictedBy: number;
  opposingIndependentSources: number;
  leaningFor: number;
  leaningAgainst: number;
  clusters: SourceClusterNode[];
  opposingClusters: SourceClusterNode[];
  /** Credibility inputs and status, counted by the same query (src/analysis/credibility.ts). */
  judgement: ClaimJudgement;
}

/**
 * Clusters as the query gives them (lists of source ids) with the pairs it
 * merged; each pair is filed under the cluster holding it. Sorted, so
 * answers are stable whatever order the engine collects in.
 */
function toClusters(clusters: Value | undefined, merges: Value | undefined): SourceClusterNode[] {
  const pairs = (Array.isArray(merges) ? merges : []).map((m): ClusterMergeNode => {
    const o = obj('cluster merge', m);
    const [a, b] = [str('cluster merge', o, 'a'), str('cluster merge', o, 'b')].sort() as [string, string];
    return { sources: [a, b], sharedParents: strList(o, 'roots').sort(), sharedOrigins: strList(o, 'origins').sort(), similarName: o.alike === true };
  });
  return (Array.isArray(clusters) ? clusters : [])
    .map((c) => (Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string').sort() : []))
    .sort((x, y) => ((x[0] ?? '') < (y[0] ?? '') ? -1 : (x[0] ?? '') > (y[0] ?? '') ? 1 : 0))
    .map((sources) => ({ sources, merges: pairs.filter((p) => sources.includes(p.sources[0])) }));
}

export function toCorroboration(row: Obj): CorroborationNode {
  const what = 'corroboration';
  return {
    assertingSources: int(what, row, 'assertingSources'),
    independentSources: int(what, row, 'independentSources'),
    anonymousSources: int(what, row, 'anonymousSources'),
    impliedSources: Array.isArray(row.impliedSources) ? row.impliedSources.length : 0,
    implied: (Array.isArray(row.impliedSources) ? row.impliedSources : [])
      .map((v) => {
        const o = obj('implied support', v);
        return { source: str('implied support', o, 'source'), through: [...new Set(strList(o, 'through'))].sort() };
      })
      .sort((a, b) => (a.source < b.source ? -1 : 1)),
    hedgingSources: int(what, row, 'hedgingSources'),
    denyingSources: int(what, row, 'denyingSources'),
    doubtingSources: int(what, row, 'doubtingSources'),
    withdrawnSources: int(what, row, 'withdrawnSources'),
    contradictedBy: int(what, row, 'contradictedBy'),
    opposingIndependentSources: int(what, row, 'opposingIndependentSources'),
    leaningFor: int(what, row, 'leaningFor'),
    leaningAgainst: int(what, row, 'leaningAgainst'),
    clusters: toClusters(row.clusters, row.merges),
    opposingClusters: toClusters(row.opposingClusters, row.opposingMerges),
    judgement: toClaimJudgement(row),
  };
}

