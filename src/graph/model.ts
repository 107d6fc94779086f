/**
 * The vocabulary of the graph, shared by the bundle format, the store and the
 * API. docs/MODEL.md explains each node and relationship; keep them in step.
 */

export const SOURCE_KINDS = ['PERSON', 'ORGANIZATION', 'GROUP', 'UNKNOWN'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * What a statement does with its claim. Silences are stances too: a faction
 * that did not respond, a government that has not acknowledged, are evidence.
 * WITHDRAWS takes back what the source said before without saying the
 * opposite: the source is left with no position (docs/MODEL.md, "Positions
 * over time").
 */
export const STANCES = ['ASSERTS', 'DENIES', 'WITHDRAWS', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'] as const;
export type Stance = (typeof STANCES)[number];

/** The stances that may be hedged: a hedged assertion is a hedge, a hedged denial a doubt. */
export const HEDGEABLE_STANCES: readonly Stance[] = ['ASSERTS', 'DENIES'];

/** Stances that say nothing for or against the claim: they never supersede a position. */
export const SILENCES: readonly Stance[] = ['NO_RESPONSE', 'NOT_ACKNOWLEDGED'];

/**
 * A statement's stance and firmness in one word, as editors group them:
 * ASSERTS and DENIES are firm, HEDGES is a hedged assertion, DOUBTS a hedged
 * denial. The API's `Statement.position`; derived, never stored.
 */
export const POSITIONS = ['ASSERTS', 'HEDGES', 'DENIES', 'DOUBTS', 'WITHDRAWS', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'] as const;
export type Position = (typeof POSITIONS)[number];

export function positionOf(stance: Stance, hedged: boolean): Position {
  if (stance === 'ASSERTS') return hedged ? 'HEDGES' : 'ASSERTS';
  if (stance === 'DENIES') return hedged ? 'DOUBTS' : 'DENIES';
  return stance;
}

/**
 * CONTRADICTS: the two claims cannot both be true (read in both directions).
 * SUPPORTS: `from` makes `to` more likely (shown; feeds ACH, not counts).
 * IMPLIES: if `from` is true, `to` is true; asserting `from` counts toward
 * `to`, and denying `to` counts against `from` (docs/MODEL.md).
 */
export const CLAIM_LINK_TYPES = ['CONTRADICTS', 'SUPPORTS', 'IMPLIES'] as const;
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
  /** Ids that resolve to this record: records merged into it, by an editor or by a name match. */
  formerIds: string[];
  recorded?: Audit | null;
  /**
   * The entity this source is (the person or body claims can be about), when
   * a name match would not find it: a source is a party to every claim about
   * it (docs/MODEL.md, "Interested parties"). Absent or null: not coded, and
   * a shared name key decides.
   */
  entity?: string | null;
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
  formerIds: string[];
  recorded?: Audit | null;
}

export interface DocumentRecord {
  id: string;
  title: string;
  /** A source id; null when the publisher is unknown. */
  publisher: string | null;
  url: string | null;
  /** When it was published, ISO 8601 as precise as known ("2021-09", "2021-09-17"); null when unknown. */
  publishedAt: string | null;
  /** Editorial notes about the document itself (e.g. that its title was supplied by an editor). */
  note: string | null;
  /** The document's text, for reading statements in place (appearance selectors anchor in it); null when not kept. */
  text: string | null;
  formerIds: string[];
  recorded?: Audit | null;
}

export interface ClaimRecord {
  id: string;
  /** The proposition, worded neutrally. */
  text: string;
  /** Entity ids the claim is about. */
  about: string[];
  formerIds: string[];
  recorded?: Audit | null;
}

/**
 * Where in a document's text an appearance's words stand: the W3C Web
 * Annotation TextQuoteSelector (the exact words, with a little text before
 * and after), so that the anchor survives small edits of the text.
 */
export interface TextQuoteSelector {
  exact: string;
  prefix: string | null;
  suffix: string | null;
}

/** One intermediary that carried a statement to a document: a source, and the source's own document when known. */
export interface ViaStep {
  source: string;
  document: string | null;
}

/**
 * A document that printed a statement, in that document's words, and the
 * chain of intermediaries that carried it there ("AFP, citing Reuters"),
 * outermost first. Intermediaries are channels, not speakers.
 */
export interface AppearanceRecord {
  document: string;
  quote: string | null;
  paraphrase: string | null;
  via: ViaStep[];
  selector: TextQuoteSelector | null;
  /**
   * The channel withdrew this printing (a correction, an editor's note, a
   * retraction); left out (not null) when it stands, so that a bundle written
   * before the field fingerprints as before. docs/MODEL.md, "Retracted printings".
   */
  retracted?: Retraction;
}

/**
 * A channel's withdrawal of one printing: Wikidata's deprecated rank with its
 * reason, at the level of one appearance. The printing stays shown; it stops
 * being evidence that the statement was made.
 */
export interface Retraction {
  /** The source that withdrew the printing: the document's publisher or an intermediary in the appearance's `via`. */
  by: string;
  /** When, ISO 8601 as precise as known; null when not known. */
  date: string | null;
  /** The document that carries the retraction (the correction notice), when known. */
  document: string | null;
  /** The channel's words for why, verbatim when printed ("reported erroneously"); null when none. */
  reason: string | null;
}

export interface StatementRecord {
  id: string;
  source: string;
  claim: string;
  stance: Stance;
  /** True for a hedged assertion (a hedge) or a hedged denial (a doubt). */
  hedged: boolean;
  /** The hedging words kept verbatim ("believes", "no longer confident"), or null. */
  hedge: string | null;
  /** When it was said, ISO 8601 as precise as known ("2021-09", "2021-09-17T14:00Z"); null when not given. */
  date: string | null;
  /** When it was said, in the document's words ("Sunday"); null when not given. */
  madeAt: string | null;
  /** The source's own words, verbatim, when no appearance carries them (or the canonical words); else null. */
  quote: string | null;
  /** What was said, in an editor's or the document's words, when no appearance carries it; else null. */
  paraphrase: string | null;
  /** The documents that printed it (one act of saying, many reports). */
  appearances: AppearanceRecord[];
  /** The statement this own-voice statement took its content from without saying so; null when none. */
  derivedFrom: string | null;
  /** Statements of the same source that this one explicitly revises. */
  supersedes: string[];
  formerIds: string[];
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

export const ACH_CELLS = ['CONSISTENT', 'INCONSISTENT', 'NEUTRAL'] as const;
export type AchCellValue = (typeof ACH_CELLS)[number];

/** An editor's override of one cell of a question's ACH matrix (docs/ANALYSIS-ACH.md). */
export interface AchCellRecord {
  hypothesis: string;
  evidence: { kind: 'STATEMENT' | 'CLAIM'; id: string };
  cell: AchCellValue;
  reason: string;
  by: string;
  at: string;
}

/** A question an editor asks, with its rival answers (hypotheses) for the ACH matrix. */
export interface QuestionRecord {
  id: string;
  text: string;
  hypotheses: string[];
  cells: AchCellRecord[];
  recorded?: Audit | null;
}

export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

/** An editor's reliability rating of a source (Admiralty Code A–F); kept as history, the latest counts. */
export interface RatingRecord {
  /** Stable id; a bundle may leave it out, and then it is derived from the content. */
  id: string;
  source: string;
  grade: ReliabilityGrade;
  reason: string;
  by: string;
  at: string;
}

export const VERDICTS = ['TRUE', 'MOSTLY_TRUE', 'MIXED', 'MOSTLY_FALSE', 'FALSE', 'UNVERIFIABLE'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** An editor's assessment of a claim (exported as ClaimReview); kept as history, the latest counts. */
export interface AssessmentRecord {
  id: string;
  claim: string;
  verdict: Verdict;
  /** 1 (false) to 5 (true). */
  rating: number;
  explanation: string;
  url: string | null;
  by: string;
  at: string;
}

/** What a change-log entry records: a change that leaves no record of its own behind. */
export const CHANGE_ACTIONS = ['DELETE', 'UNLINK', 'MERGE'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/**
 * An entry of the change log (a deletion, an unlink, a merge): who made it,
 * when, and what it removed. History: an import adds the entries it does not
 * hold, and never rewrites one.
 */
export interface ChangeRecord {
  /** Begins with the time (`at`), so ids sort by time. */
  id: string;
  at: string;
  by: string;
  action: ChangeAction;
  /** The kind of record acted on (CLAIM, SOURCE, DOCUMENT, STATEMENT, ENTITY). */
  kind: string;
  /** The id acted on. */
  target: string;
  /** What went, as the change log shows it: any JSON value. */
  details: unknown;
}

/** The bundle format version that export writes; version 1 is upgraded on the way in. */
export const BUNDLE_VERSION = 2;

/** A self-contained set of records: the seed, an import, an export (format version 2). */
export interface Bundle {
  format: 'claimgraph-bundle';
  version: 2;
  sources: SourceRecord[];
  affiliations: AffiliationRecord[];
  entities: EntityRecord[];
  documents: DocumentRecord[];
  claims: ClaimRecord[];
  statements: StatementRecord[];
  links: ClaimLinkRecord[];
  questions: QuestionRecord[];
  ratings: RatingRecord[];
  assessments: AssessmentRecord[];
  changes: ChangeRecord[];
}

/**
 * The graph's vocabulary as the store sees it: labels, relationship types and
 * property keys. The Cypher lint checks every query file against it, so a
 * misspelt label or property fails a test instead of matching nothing.
 */
export const GRAPH_VOCABULARY = {
  labels: [
    'Source', 'Entity', 'Document', 'Claim', 'Statement', 'Change', 'Question', 'Rating', 'Assessment', 'Redirect',
    // write locks (cypher/take-locks.cypher)
    'Lock',
    // the model version marker (docs/MODEL.md, "Model version")
    'GraphModel',
  ],
  relationshipTypes: [
    'AFFILIATED_WITH', 'PUBLISHED_BY', 'ABOUT', 'MADE', 'ON', 'APPEARS_IN', 'DERIVED_FROM', 'SUPERSEDES', 'SUPERSEDED_BY',
    'CONTRADICTS', 'SUPPORTS', 'IMPLIES', 'HYPOTHESIS', 'JUDGES', 'RATED', 'ASSESSES', 'REDIRECTS_TO', 'POSSIBLY_SAME',
    // the entity a source is (a bundle's `sources[].entity`): docs/MODEL.md, "Interested parties"
    'IS_ENTITY',
    // version 1 only (claimgraph 0.1): read to recognise and migrate such a store, never written
    'REPORTED_IN', 'REPORTED_VIA',
  ],
  propertyKeys: [
    'id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'role',
    'title', 'url', 'publishedAt', 'note', 'text',
    'stance', 'hedged', 'hedge', 'date', 'madeAt', 'quote', 'paraphrase', 'linkedBy', 'reason',
    // appearances (APPEARS_IN): intermediaries and the place of the words in the document's text
    'via', 'viaDocuments', 'exact', 'prefix', 'suffix',
    // a channel's retraction of an appearance (docs/MODEL.md, "Retracted printings"), and the statement it leaves without a live printing
    'retractedBy', 'retractedAt', 'retractedIn', 'retractionReason', 'retraction',
    // positions over time, computed on write (src/graph/refresh.ts)
    'current', 'dateStart', 'dateEnd', 'datePrecision', 'dateBasis', 'revision',
    // a claim's standing, current-position counts and the conflict rule's facts, kept up on write (src/graph/standing.ts)
    'standing', 'asserting', 'hedging', 'denying', 'doubting', 'opposing', 'withdrawing', 'asserted', 'denied', 'directlyAsserted', 'directlyDenied',
    // the independence keys, kept up on write (src/graph/independence.ts): a source's top-level affiliations, a statement's origin
    'roots', 'origin', 'alike',
    // bookkeeping: fingerprints for idempotent import, name keys for matching, search text, audit
    'hash', 'nameKey', 'aliasKeys', 'skeletonKeys', 'searchText', 'descriptionFrom', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy',
    // earlier versions only: the search words as a list, read to fill searchText and removed at open (cypher/backfill-search-text.cypher)
    'searchWords',
    // redirects (ids merged into another record) and possible duplicates
    'key', 'label', 'score', 'rejected',
    // the change log (deletions, unlinks, merges)
    'at', 'by', 'action', 'target', 'details',
    // competing hypotheses: an editor's override of an ACH cell (docs/ANALYSIS-ACH.md)
    'hypothesis', 'cell',
    // editors' judgements: source ratings and claim assessments (docs/ANALYSIS.md)
    'grade', 'verdict', 'rating', 'explanation', 'seq',
    // write locks taken inside a transaction (cypher/take-locks.cypher, lock-claims.cypher)
    'lock', 'taken',
    // the model version marker, and the version of the rules its name keys were made with (src/graph/name-keys.ts)
    'version', 'nameKeys',
  ],
} as const;
