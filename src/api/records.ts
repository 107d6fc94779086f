import type {
  ClaimLinkType,
  ClaimRecord,
  DocumentRecord,
  EntityRecord,
  SourceKind,
  SourceRecord,
  Stance,
  StatementRecord,
} from '../graph/model';
import type { Value } from '../store/port';
import { broken, obj, type Obj } from '../store/rows';
import { toClaimJudgement, type ClaimJudgement } from '../analysis/credibility';

/*
 * The shapes resolvers pass around, mapped from the JSON rows of the query
 * files. Related objects are held as ids and resolved through the loaders, so
 * each GraphQL level costs one batched round trip.
 */

// The node shapes are the bundle's records: the query files project exactly
// those fields, with related nodes as ids.
export type ClaimNode = ClaimRecord;
export type SourceNode = SourceRecord;
export type StatementNode = StatementRecord;
export type DocumentNode = DocumentRecord;
export type EntityNode = EntityRecord;

export interface ClaimLinkNode {
  type: ClaimLinkType;
  claim: string;
  outgoing: boolean;
  linkedBy: string;
  reason: string;
}

export interface AffiliationNode {
  source: string;
  role: string | null;
}

export interface ClusterMergeNode {
  sources: [string, string];
  sharedParents: string[];
  sharedStatements: string[];
}

export interface SourceClusterNode {
  sources: string[];
  merges: ClusterMergeNode[];
}

export interface CorroborationNode {
  assertingSources: number;
  independentSources: number;
  anonymousSources: number;
  hedgingSources: number;
  denyingSources: number;
  contradictedBy: number;
  opposingIndependentSources: number;
  clusters: SourceClusterNode[];
  opposingClusters: SourceClusterNode[];
  /** Credibility inputs and status, counted by the same query (src/analysis/credibility.ts). */
  judgement: ClaimJudgement;
}

export interface ConflictNode {
  kind: 'CONTRADICTING_CLAIMS' | 'DENIAL';
  claim: string;
  opposingClaim: string;
  sources: string[];
  opposingSources: string[];
  linkedBy: string | null;
  reason: string | null;
}

function str(what: string, o: Obj, key: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  throw broken(`${what} (${key})`, o);
}

function optStr(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

function strList(o: Obj, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function int(what: string, o: Obj, key: string): number {
  const v = o[key];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw broken(`${what} (${key})`, o);
}

export function toClaim(v: Value | undefined): ClaimNode {
  const o = obj('claim', v);
  return { id: str('claim', o, 'id'), text: str('claim', o, 'text'), about: strList(o, 'about') };
}

export function toSource(v: Value | undefined): SourceNode {
  const o = obj('source', v);
  return {
    id: str('source', o, 'id'),
    name: str('source', o, 'name'),
    kind: str('source', o, 'kind') as SourceKind,
    anonymous: o.anonymous === true,
    count: typeof o.count === 'number' ? o.count : null,
    description: optStr(o, 'description'),
    aliases: strList(o, 'aliases'),
  };
}

export function toStatement(v: Value | undefined): StatementNode {
  const o = obj('statement', v);
  return {
    id: str('statement', o, 'id'),
    stance: str('statement', o, 'stance') as Stance,
    quote: optStr(o, 'quote'),
    paraphrase: optStr(o, 'paraphrase'),
    hedge: optStr(o, 'hedge'),
    madeAt: optStr(o, 'madeAt'),
    source: str('statement', o, 'source'),
    claim: str('statement', o, 'claim'),
    document: optStr(o, 'document'),
    reportedVia: optStr(o, 'reportedVia'),
  };
}

export function toDocument(v: Value | undefined): DocumentNode {
  const o = obj('document', v);
  return {
    id: str('document', o, 'id'),
    title: str('document', o, 'title'),
    publisher: optStr(o, 'publisher'),
    url: optStr(o, 'url'),
    publishedAt: optStr(o, 'publishedAt'),
    note: optStr(o, 'note'),
  };
}

export function toEntity(v: Value | undefined): EntityNode {
  const o = obj('entity', v);
  return { id: str('entity', o, 'id'), name: str('entity', o, 'name'), description: optStr(o, 'description'), aliases: strList(o, 'aliases') };
}

export function toClaimLink(v: Value | undefined): ClaimLinkNode {
  const o = obj('claim link', v);
  return {
    type: str('claim link', o, 'type') as ClaimLinkType,
    claim: str('claim link', o, 'claim'),
    outgoing: o.outgoing === true,
    linkedBy: str('claim link', o, 'linkedBy'),
    reason: str('claim link', o, 'reason'),
  };
}

export function toAffiliation(v: Value | undefined): AffiliationNode {
  const o = obj('affiliation', v);
  return { source: str('affiliation', o, 'source'), role: optStr(o, 'role') };
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
    return { sources: [a, b], sharedParents: strList(o, 'roots').sort(), sharedStatements: strList(o, 'statements').sort() };
  });
  return (Array.isArray(clusters) ? clusters : [])
    .map((c) => (Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string').sort() : []))
    .sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''))
    .map((sources) => ({ sources, merges: pairs.filter((p) => sources.includes(p.sources[0])) }));
}

export function toCorroboration(row: Obj): CorroborationNode {
  const what = 'corroboration';
  return {
    assertingSources: int(what, row, 'assertingSources'),
    independentSources: int(what, row, 'independentSources'),
    anonymousSources: int(what, row, 'anonymousSources'),
    hedgingSources: int(what, row, 'hedgingSources'),
    denyingSources: int(what, row, 'denyingSources'),
    contradictedBy: int(what, row, 'contradictedBy'),
    opposingIndependentSources: int(what, row, 'opposingIndependentSources'),
    clusters: toClusters(row.clusters, row.merges),
    opposingClusters: toClusters(row.opposingClusters, row.opposingMerges),
    judgement: toClaimJudgement(row),
  };
}

export function toConflict(v: Value | undefined): ConflictNode {
  const o = obj('conflict', v);
  const claim = str('conflict', o, 'claim');
  const opposingClaim = str('conflict', o, 'opposingClaim');
  return {
    kind: claim === opposingClaim ? 'DENIAL' : 'CONTRADICTING_CLAIMS',
    claim,
    opposingClaim,
    // The engines collect in no set order; sorted, answers are stable.
    sources: strList(o, 'sources').sort(),
    opposingSources: strList(o, 'opposingSources').sort(),
    linkedBy: optStr(o, 'linkedBy'),
    reason: optStr(o, 'reason'),
  };
}
