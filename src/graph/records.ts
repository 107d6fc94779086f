import type { AppearanceRecord, ClaimLinkType, SourceKind, Stance, StatementRecord } from './model';
import { parsePartialDate } from './dates';
import type { RetractionReason, SupersessionReason } from './positions';
import type { Value } from '../store/port';
import { broken, obj, type Obj } from '../store/rows';

/*
 * The shapes resolvers pass around, mapped from the JSON rows of the query
 * files. Related objects are held as ids and resolved through the loaders, so
 * each GraphQL level costs one batched round trip.
 */

// The node shapes are the bundle's records as the query files project them,
// with related nodes as ids (and without what only an export needs).
export interface ClaimNode {
  id: string;
  text: string;
  about: string[];
  /** The standing kept up on write (src/graph/standing.ts), where the query that read the claim carries it. */
  standing?: string | null;
}

export interface SourceNode {
  id: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean;
  count: number | null;
  description: string | null;
  aliases: string[];
  /** The entity the source is linked to (IS_ENTITY), null for none, where the query that read it carries it (else absent). */
  entity?: string | null;
}

export interface DocumentNode {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  note: string | null;
  text: string | null;
}

export interface EntityNode {
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
}

/** An appearance as the API shows it: the bundle's, with its document's publication date (for the order of appearances). */
export interface AppearanceNode extends AppearanceRecord {
  publishedAt: string | null;
}

/** A statement: the bundle's record, its appearances in order, and its position over time as stored on write. */
export interface StatementNode extends Omit<StatementRecord, 'appearances' | 'formerIds' | 'recorded'> {
  appearances: AppearanceNode[];
  current: boolean;
  supersededBy: string | null;
  supersession: SupersessionReason | null;
  /** RETRACTED or ORIGIN_RETRACTED when it stands on no live printing (docs/MODEL.md, "Retracted printings"); else null. */
  retraction: RetractionReason | null;
}

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

export interface ConflictNode {
  kind: 'CONTRADICTING_CLAIMS' | 'DENIAL' | 'REVISION';
  claim: string;
  opposingClaim: string;
  sources: string[];
  opposingSources: string[];
  linkedBy: string | null;
  reason: string | null;
  /** In a REVISION, the superseded statement and the one that superseded it. */
  earlier: string | null;
  later: string | null;
}

export function str(what: string, o: Obj, key: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  throw broken(`${what} (${key})`, o);
}

export function optStr(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? v : null;
}

export function strList(o: Obj, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function int(what: string, o: Obj, key: string): number {
  const v = o[key];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw broken(`${what} (${key})`, o);
}

const strOrNull = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);

export function toClaim(v: Value | undefined): ClaimNode {
  const o = obj('claim', v);
  const standing = o.standing;
  return { id: str('claim', o, 'id'), text: str('claim', o, 'text'), about: strList(o, 'about'), ...(typeof standing === 'string' ? { standing } : {}) };
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
    // Null when the query read the link and found none; left out when it did not read it.
    ...('entity' in o ? { entity: typeof o.entity === 'string' ? o.entity : null } : {}),
  };
}

/**
 * Appearances in time order: the publication that ends first comes first
 * (ties: the one that starts first), as the statement's effective date
 * reads them, so `document` is the document that dates it; undated last,
 * then by document id.
 */
function appearanceOrder(a: AppearanceNode, b: AppearanceNode): number {
  const da = a.publishedAt === null ? null : parsePartialDate(a.publishedAt);
  const db = b.publishedAt === null ? null : parsePartialDate(b.publishedAt);
  if (da !== null && db !== null) {
    if (da.end !== db.end) return da.end < db.end ? -1 : 1;
    if (da.start !== db.start) return da.start < db.start ? -1 : 1;
  } else if (da !== db) return da === null ? 1 : -1;
  return a.document < b.document ? -1 : a.document > b.document ? 1 : 0;
}

function toAppearance(v: Value): AppearanceNode {
  const o = obj('appearance', v);
  const via = strList(o, 'via');
  const viaDocuments = Array.isArray(o.viaDocuments) ? o.viaDocuments : [];
  const exact = optStr(o, 'exact');
  return {
    document: str('appearance', o, 'document'),
    publishedAt: optStr(o, 'publishedAt'),
    quote: optStr(o, 'quote'),
    paraphrase: optStr(o, 'paraphrase'),
    // '' marks a step whose own document is not known (engines keep no null in a list).
    via: via.map((source, i) => ({ source, document: strOrNull(viaDocuments[i]) || null })),
    selector: exact === null ? null : { exact, prefix: optStr(o, 'prefix'), suffix: optStr(o, 'suffix') },
    ...(optStr(o, 'retractedBy') === null
      ? {}
      : { retracted: { by: optStr(o, 'retractedBy') as string, date: optStr(o, 'retractedAt'), document: optStr(o, 'retractedIn'), reason: optStr(o, 'retractionReason') } }),
  };
}

export function toStatement(v: Value | undefined): StatementNode {
  const o = obj('statement', v);
  const supersededBy = o.supersededBy === null || o.supersededBy === undefined ? null : obj('statement supersession', o.supersededBy);
  return {
    id: str('statement', o, 'id'),
    source: str('statement', o, 'source'),
    claim: str('statement', o, 'claim'),
    stance: str('statement', o, 'stance') as Stance,
    hedged: o.hedged === true,
    hedge: optStr(o, 'hedge'),
    date: optStr(o, 'date'),
    madeAt: optStr(o, 'madeAt'),
    quote: optStr(o, 'quote'),
    paraphrase: optStr(o, 'paraphrase'),
    appearances: (Array.isArray(o.appearances) ? o.appearances : []).map(toAppearance).sort(appearanceOrder),
    derivedFrom: optStr(o, 'derivedFrom'),
    supersedes: strList(o, 'supersedes').sort(),
    // A statement written before positions were kept counts as current.
    current: o.current !== false,
    supersededBy: supersededBy === null ? null : str('statement supersession', supersededBy, 'id'),
    // Superseded by no statement: retracted (every printing, or its origin's, withdrawn by the channels).
    supersession: supersededBy === null ? (o.current === false ? (optStr(o, 'retraction') as SupersessionReason | null) : null) : (optStr(supersededBy, 'reason') as SupersessionReason | null),
    retraction: optStr(o, 'retraction') as RetractionReason | null,
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
    text: optStr(o, 'text'),
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

export function toConflict(v: Value | undefined): ConflictNode {
  const o = obj('conflict', v);
  const claim = str('conflict', o, 'claim');
  const opposingClaim = str('conflict', o, 'opposingClaim');
  const later = optStr(o, 'later');
  return {
    kind: later !== null ? 'REVISION' : claim === opposingClaim ? 'DENIAL' : 'CONTRADICTING_CLAIMS',
    claim,
    opposingClaim,
    earlier: later === null ? null : optStr(o, 'earlier'),
    later,
    // The engines collect in no set order; sorted, answers are stable.
    sources: strList(o, 'sources').sort(),
    opposingSources: strList(o, 'opposingSources').sort(),
    linkedBy: optStr(o, 'linkedBy'),
    reason: optStr(o, 'reason'),
  };
}
