/**
 * The vocabulary of the graph, shared by the bundle format, the store and the
 * API. docs/MODEL.md explains each node and relationship; keep them in step.
 */

export const SOURCE_KINDS = ['PERSON', 'ORGANIZATION', 'GROUP', 'UNKNOWN'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * How a statement relates to its claim. Silences are stances too: a faction
 * that did not respond, a government that has not acknowledged, are evidence.
 */
export const STANCES = ['ASSERTS', 'DENIES', 'HEDGES', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'] as const;
export type Stance = (typeof STANCES)[number];

/** Stances that put a source on a claim's side in a conflict. */
export const SUPPORTING_STANCES: readonly Stance[] = ['ASSERTS', 'HEDGES'];

export const CLAIM_LINK_TYPES = ['CONTRADICTS', 'SUPPORTS'] as const;
export type ClaimLinkType = (typeof CLAIM_LINK_TYPES)[number];

/**
 * Who wrote a record into a graph, and when. Absent in hand-written bundles;
 * `export` fills it so that a migration keeps the history, and `import`
 * keeps it when present instead of stamping the importer.
 */
export interface Audit {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface SourceRecord {
  id: string;
  name: string;
  kind: SourceKind;
  /** True when the source's identity is withheld or not given ("three officials speaking anonymously"). */
  anonymous: boolean;
  /** Head count of a counted group ("three Syrian officials" → 3); null when not stated. */
  count: number | null;
  description: string | null;
  aliases: string[];
  recorded?: Audit | null;
}

export interface AffiliationRecord {
  /** The member: a mother within a family, a fellow of a think tank. */
  source: string;
  /** What it belongs to or reports to. */
  parent: string;
  role: string | null;
  recorded?: Audit | null;
}

export interface EntityRecord {
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
  recorded?: Audit | null;
}

export interface DocumentRecord {
  id: string;
  title: string;
  /** A source id; null when the publisher is unknown. */
  publisher: string | null;
  url: string | null;
  /** As precise as known (ISO 8601 date or datetime); null when unknown. */
  publishedAt: string | null;
  /** Editorial notes about the document itself (e.g. that its title was supplied by an editor). */
  note: string | null;
  recorded?: Audit | null;
}

export interface ClaimRecord {
  id: string;
  /** The proposition, worded neutrally. */
  text: string;
  /** Entity ids the claim is about. */
  about: string[];
  recorded?: Audit | null;
}

export interface StatementRecord {
  id: string;
  source: string;
  claim: string;
  stance: Stance;
  /** The source's own words, verbatim, or null when the document only paraphrases. */
  quote: string | null;
  /** What the document says the source said, in the document's words. */
  paraphrase: string | null;
  /** The hedging words kept verbatim ("believes", "possibly"), or null. */
  hedge: string | null;
  /** The document that reports this statement; null when none is known. */
  document: string | null;
  /** The statement that relays this one (reported speech), or null when it is reported first-hand. */
  reportedVia: string | null;
  /** When the statement was made, as the document gives it ("Sunday"); null when not given. */
  madeAt: string | null;
  recorded?: Audit | null;
}

export interface ClaimLinkRecord {
  type: ClaimLinkType;
  from: string;
  to: string;
  /** Who linked the claims: an editor's identity (the seed's links are the seed editor's). */
  linkedBy: string;
  reason: string;
  recorded?: Audit | null;
}

/** A self-contained set of records: the seed, an import, an export. */
export interface Bundle {
  format: 'claimgraph-bundle';
  version: 1;
  sources: SourceRecord[];
  affiliations: AffiliationRecord[];
  entities: EntityRecord[];
  documents: DocumentRecord[];
  claims: ClaimRecord[];
  statements: StatementRecord[];
  links: ClaimLinkRecord[];
}

/**
 * The graph's vocabulary as the store sees it: labels, relationship types and
 * property keys. The Cypher lint checks every query file against it, so a
 * misspelt label or property fails a test instead of matching nothing.
 */
export const GRAPH_VOCABULARY = {
  labels: ['Source', 'Entity', 'Document', 'Claim', 'Statement', 'Change', 'Question', 'Rating', 'Assessment'],
  relationshipTypes: ['AFFILIATED_WITH', 'PUBLISHED_BY', 'ABOUT', 'MADE', 'ON', 'REPORTED_IN', 'REPORTED_VIA', 'CONTRADICTS', 'SUPPORTS', 'HYPOTHESIS', 'JUDGES', 'RATED', 'ASSESSES'],
  propertyKeys: [
    'id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'role',
    'title', 'url', 'publishedAt', 'note', 'text',
    'stance', 'quote', 'paraphrase', 'hedge', 'madeAt', 'linkedBy', 'reason',
    // bookkeeping: fingerprints for idempotent import, name keys for matching, audit
    'hash', 'nameKey', 'aliasKeys', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
    // the change log (deletions, unlinks, merges)
    'at', 'by', 'action', 'target', 'details',
    // competing hypotheses: an editor's override of an ACH cell (docs/ANALYSIS-ACH.md)
    'hypothesis', 'cell',
    // editors' judgements: source ratings and claim assessments (docs/ANALYSIS.md)
    'grade', 'verdict', 'rating', 'explanation', 'seq',
  ],
} as const;
