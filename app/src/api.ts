/*
 * Every GraphQL operation the explorer sends, with the types of their
 * results: the one module to change when the API changes (with
 * claim-queries.ts, where the claim page's first two and the fragments they
 * share live, as index.html's boot script sends them too). It uses the API as
 * any client would (POST /graphql), within the server's limits (at most 1,000
 * tokens and 15 aliases per operation, a cost of at most 50,000, depth 8):
 * test/app/operations.test.ts validates every operation here against the
 * SDL and those limits.
 */

// ---------------------------------------------------------------- transport

import { CLAIM_GRADE, CLAIM_PAGE, CONFLICT, PAGE_INFO, SOURCE_REF, STATEMENT, STATEMENT_PAGE } from './claim-queries';
import { answeredAhead, request } from './transport';

export { ApiError, forgetAnswersAskedAhead, request, takeEmbeddedAnswers, useKeyFrom } from './transport';
export { askClaimPageAhead, STATEMENT_PAGE } from './claim-queries';

// ---------------------------------------------------------------- types

export type Position = 'ASSERTS' | 'HEDGES' | 'DENIES' | 'DOUBTS' | 'WITHDRAWS' | 'NO_RESPONSE' | 'NOT_ACKNOWLEDGED';
export type Stance = 'ASSERTS' | 'DENIES' | 'WITHDRAWS' | 'NO_RESPONSE' | 'NOT_ACKNOWLEDGED';
export type ClaimStatus = 'UNVERIFIED' | 'CORROBORATED' | 'CONTESTED' | 'REFUTED';
export type SourceKind = 'PERSON' | 'ORGANIZATION' | 'GROUP' | 'UNKNOWN';
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Verdict = 'TRUE' | 'MOSTLY_TRUE' | 'MIXED' | 'MOSTLY_FALSE' | 'FALSE' | 'UNVERIFIABLE';
export type ClaimLinkType = 'CONTRADICTS' | 'SUPPORTS' | 'IMPLIES';
export type DuplicateKind = 'SOURCE' | 'ENTITY' | 'CLAIM';
export type AchCellValue = 'CONSISTENT' | 'INCONSISTENT' | 'NEUTRAL';

export interface Page<T> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: T[];
}

export interface SourceRef {
  recordId: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean;
  count: number | null;
}
export interface ClaimRef {
  recordId: string;
  text: string;
}
export interface DocumentRef {
  recordId: string;
  title: string;
}
export interface Selector {
  exact: string;
  prefix: string | null;
  suffix: string | null;
}
export interface Dated {
  value: string;
  precision: 'YEAR' | 'MONTH' | 'DAY' | 'TIME';
  basis: 'SAID' | 'PUBLISHED';
}

/** A statement as the claim page shows it: who, how, when, in which words, printed where and carried by whom. */
export interface Statement {
  recordId: string;
  position: Position;
  hedge: string | null;
  quote: string | null;
  paraphrase: string | null;
  madeAt: string | null;
  dated: Dated | null;
  current: boolean;
  supersession: string | null;
  supersededBy: { recordId: string; position: Position; dated: { value: string } | null; source: { name: string } } | null;
  derivedFrom: { recordId: string; source: { recordId: string; name: string } } | null;
  source: SourceRef;
  appearances: {
    document: DocumentRef & { publishedAt: string | null };
    quote: string | null;
    paraphrase: string | null;
    via: { source: { recordId: string; name: string }; document: DocumentRef | null }[];
  }[];
}

export interface Cluster {
  sources: SourceRef[];
  merges: { explanation: string }[];
}

export interface ClaimHead {
  recordId: string;
  text: string;
  about: { recordId: string; name: string }[];
  assessments: { recordId: string; verdict: Verdict; alternateName: string; rating: number; explanation: string; url: string | null; by: string; at: string }[];
  claimReview: unknown;
  questions: { recordId: string; text: string }[];
}

/** What the graph makes of a claim: computed over every current position, so it costs most on a claim stated thousands of times. */
export interface ClaimGrade {
  status: ClaimStatus;
  credibility: { grade: number; label: string; rule: string; facts: string[] };
  corroboration: {
    assertingSources: number;
    independentSources: number;
    anonymousSources: number;
    impliedSources: number;
    hedgingSources: number;
    denyingSources: number;
    doubtingSources: number;
    withdrawnSources: number;
    contradictedBy: number;
    opposingIndependentSources: number;
    clusters: Cluster[];
    opposingClusters: Cluster[];
    implied: { source: SourceRef; through: ClaimRef[] }[];
  };
}

export interface Conflict {
  kind: 'CONTRADICTING_CLAIMS' | 'DENIAL' | 'REVISION';
  claim: ClaimRef;
  opposingClaim: ClaimRef;
  sourcesConnection: { totalCount: number; nodes: SourceRef[] };
  opposingSourcesConnection: { totalCount: number; nodes: SourceRef[] };
  earlier: { recordId: string; position: Position; dated: { value: string } | null } | null;
  later: { recordId: string; position: Position; dated: { value: string } | null } | null;
  linkedBy: string | null;
  reason: string | null;
}

export interface ClaimLink {
  type: ClaimLinkType;
  outgoing: boolean;
  linkedBy: string;
  reason: string;
  claim: ClaimRef & { status: ClaimStatus };
}

// ---------------------------------------------------------------- search

export interface SearchResults {
  claims: { totalCount: number; edges: { score: number | null; node: ClaimRef & { status: ClaimStatus; credibility: { grade: number; label: string } } }[] };
  sources: { totalCount: number; edges: { score: number | null; node: SourceRef & { reliability: { grade: Reliability; label: string } } }[] };
  entities: { totalCount: number; edges: { score: number | null; node: { recordId: string; name: string; description: string | null; aliases: string[] } }[] };
  documents: { totalCount: number; edges: { score: number | null; node: DocumentRef & { publishedAt: string | null; publisher: { recordId: string; name: string } | null } }[] };
}

const SEARCH = `query Search($q: String!, $first: Int!) {
  claims(search: $q, first: $first) { totalCount edges { score node { recordId text status credibility { grade label } } } }
  sources(search: $q, first: $first) { totalCount edges { score node { ${SOURCE_REF} reliability { grade label } } } }
  entities(search: $q, first: $first) { totalCount edges { score node { recordId name description aliases } } }
  documents(search: $q, first: $first) { totalCount edges { score node { recordId title publishedAt publisher { recordId name } } } }
}`;

export const search = (q: string, first = 20) => request<SearchResults>(SEARCH, { q, first });

const PICK_CLAIMS = `query PickClaims($q: String!) { claims(search: $q, first: 8) { nodes { recordId text } } }`;
export const pickClaims = async (q: string): Promise<ClaimRef[]> => (await request<{ claims: { nodes: ClaimRef[] } }>(PICK_CLAIMS, { q })).claims.nodes;

const PICK_SOURCES = `query PickSources($q: String!) { sources(search: $q, first: 8) { nodes { ${SOURCE_REF} } } }`;
export const pickSources = async (q: string): Promise<SourceRef[]> => (await request<{ sources: { nodes: SourceRef[] } }>(PICK_SOURCES, { q })).sources.nodes;

export interface HomeLists {
  questions: { totalCount: number; nodes: { recordId: string; text: string }[] };
  documents: { totalCount: number; nodes: (DocumentRef & { publishedAt: string | null })[] };
}
const HOME = `query Home {
  questions(first: 20) { totalCount nodes { recordId text } }
  documents(first: 20) { totalCount nodes { recordId title publishedAt } }
}`;
export const home = () => request<HomeLists>(HOME);

// ---------------------------------------------------------------- claim

export const claimGrade = async (id: string) => (await request<{ claim: ClaimGrade }>(CLAIM_GRADE, { id })).claim;
/** The claim's grade if index.html's boot script has it already (taken: asked afresh next time), else undefined. */
export const claimGradeAnswered = (id: string): ClaimGrade | undefined => answeredAhead<{ claim: ClaimGrade }>(CLAIM_GRADE, { id })?.claim;

const CLAIM_STATEMENTS = `query ClaimStatements($id: ID!, $after: String, $first: Int!) { claim(id: $id) {
  statementsConnection(first: $first, after: $after) { ${PAGE_INFO} nodes { ${STATEMENT} } }
} }`;
export const claimStatements = async (id: string, after: string | null) =>
  (await request<{ claim: { statementsConnection: Page<Statement> } }>(CLAIM_STATEMENTS, { id, after, first: STATEMENT_PAGE })).claim.statementsConnection;

export interface ClaimPage {
  head: ClaimHead;
  statements: Page<Statement>;
  conflicts: { totalCount: number; nodes: Conflict[] };
  links: { totalCount: number; nodes: ClaimLink[] };
}
/**
 * A claim page in one request: the claim, its first page of statements, its
 * conflicts and links (one answer, so the page is drawn once); its grade
 * comes apart (claimGrade), as it takes longest.
 */
type ClaimPageData = { conflicts: ClaimPage['conflicts']; claim: ClaimHead & { linksConnection: ClaimPage['links']; statementsConnection: Page<Statement> } };
const claimPageOf = (data: ClaimPageData): ClaimPage => {
  const { linksConnection, statementsConnection, ...head } = data.claim;
  return { head, statements: statementsConnection, conflicts: data.conflicts, links: linksConnection };
};
export const claimPage = async (id: string): Promise<ClaimPage> => claimPageOf(await request<ClaimPageData>(CLAIM_PAGE, { id, first: STATEMENT_PAGE }));
/** The claim page if index.html's boot script has it already (taken: asked afresh next time), else undefined. */
export function claimPageAnswered(id: string): ClaimPage | undefined {
  const data = answeredAhead<ClaimPageData>(CLAIM_PAGE, { id, first: STATEMENT_PAGE });
  return data === undefined ? undefined : claimPageOf(data);
}

// ---------------------------------------------------------------- source

export interface SourcePage extends SourceRef {
  description: string | null;
  aliases: string[];
  reliability: Rating;
  reliabilityHistory: Rating[];
  affiliationRoles: { role: string | null; source: SourceRef }[];
  membersConnection: { totalCount: number; nodes: { role: string | null; source: SourceRef }[] };
}
export interface Rating {
  grade: Reliability;
  label: string;
  reason: string;
  by: string | null;
  at: string | null;
}
const RATING = 'grade label reason by at';
const SOURCE_HEAD = `query SourceHead($id: ID!) { source(id: $id) {
  ${SOURCE_REF} description aliases reliability { ${RATING} } reliabilityHistory { ${RATING} }
  affiliationRoles { role source { ${SOURCE_REF} } }
  membersConnection(first: 100) { totalCount nodes { role source { ${SOURCE_REF} } } }
} }`;
export const sourceHead = async (id: string) => (await request<{ source: SourcePage }>(SOURCE_HEAD, { id })).source;

export interface SourceStatement {
  recordId: string;
  position: Position;
  hedge: string | null;
  quote: string | null;
  paraphrase: string | null;
  madeAt: string | null;
  dated: Dated | null;
  current: boolean;
  supersession: string | null;
  claim: ClaimRef & { status: ClaimStatus };
  appearances: { document: DocumentRef }[];
}
const SOURCE_STATEMENTS = `query SourceStatements($id: ID!, $after: String, $first: Int!) { source(id: $id) {
  statementsConnection(first: $first, after: $after) { ${PAGE_INFO} nodes {
    recordId position hedge quote paraphrase madeAt dated { value precision basis } current supersession
    claim { recordId text status } appearances { document { recordId title } }
  } }
} }`;
export const sourceStatements = async (id: string, after: string | null) =>
  (await request<{ source: { statementsConnection: Page<SourceStatement> } }>(SOURCE_STATEMENTS, { id, after, first: 100 })).source.statementsConnection;

const SOURCE_CONFLICTS = `query SourceConflicts($id: ID!) { conflicts(sourceId: $id, first: 50) { totalCount nodes { ${CONFLICT} } } }`;
export const sourceConflicts = async (id: string) => (await request<{ conflicts: { totalCount: number; nodes: Conflict[] } }>(SOURCE_CONFLICTS, { id })).conflicts;

// ---------------------------------------------------------------- document

export interface DocumentPage extends DocumentRef {
  url: string | null;
  publishedAt: string | null;
  note: string | null;
  text: string | null;
  publisher: { recordId: string; name: string } | null;
}
const DOCUMENT_HEAD = `query DocumentHead($id: ID!) { document(id: $id) { recordId title url publishedAt note text publisher { recordId name } } }`;
export const documentHead = async (id: string) => (await request<{ document: DocumentPage }>(DOCUMENT_HEAD, { id })).document;

export interface PrintedStatement {
  recordId: string;
  position: Position;
  hedge: string | null;
  current: boolean;
  source: SourceRef;
  claim: ClaimRef;
  appearances: { document: { recordId: string }; quote: string | null; paraphrase: string | null; selector: Selector | null; via: { source: { name: string } }[] }[];
}
const DOCUMENT_STATEMENTS = `query DocumentStatements($id: ID!, $after: String) { document(id: $id) {
  statementsConnection(first: 100, after: $after) { ${PAGE_INFO} nodes {
    recordId position hedge current source { ${SOURCE_REF} } claim { recordId text }
    appearances { document { recordId } quote paraphrase selector { exact prefix suffix } via { source { name } } }
  } }
} }`;
/** Every statement a document printed (a document prints tens, so all pages are read). */
export async function documentStatements(id: string): Promise<PrintedStatement[]> {
  const all: PrintedStatement[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<PrintedStatement> = (await request<{ document: { statementsConnection: Page<PrintedStatement> } }>(DOCUMENT_STATEMENTS, { id, after })).document.statementsConnection;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

// ---------------------------------------------------------------- entity

export interface EntityPage {
  recordId: string;
  name: string;
  description: string | null;
  aliases: string[];
  claimsConnection: Page<ClaimRef & { status: ClaimStatus; credibility: { grade: number; label: string } }>;
}
const ENTITY_HEAD = `query EntityHead($id: ID!) { entity(id: $id) {
  recordId name description aliases
  claimsConnection(first: 100) { ${PAGE_INFO} nodes { recordId text status credibility { grade label } } }
} }`;
export const entityHead = async (id: string) => (await request<{ entity: EntityPage }>(ENTITY_HEAD, { id })).entity;

export interface TimelineEntry {
  date: string | null;
  precision: Dated['precision'] | null;
  dateSource: 'SAID' | 'PUBLISHED' | 'BEFORE_REVISION' | 'UNKNOWN';
  dateText: string | null;
  statement: { recordId: string; position: Position; hedge: string | null; quote: string | null; paraphrase: string | null; current: boolean; source: SourceRef; claim: ClaimRef };
}
const ENTITY_TIMELINE = `query EntityTimeline($id: ID!, $after: String) { entity(id: $id) {
  timeline(first: 50, after: $after) { ${PAGE_INFO} nodes {
    date precision dateSource dateText
    statement { recordId position hedge quote paraphrase current source { ${SOURCE_REF} } claim { recordId text } }
  } }
} }`;
export const entityTimeline = async (id: string, after: string | null) =>
  (await request<{ entity: { timeline: Page<TimelineEntry> } }>(ENTITY_TIMELINE, { id, after })).entity.timeline;

// ---------------------------------------------------------------- question

export interface Question {
  recordId: string;
  text: string;
  matrix: {
    hypotheses: { rank: number; inconsistency: number; consistency: number; claim: ClaimRef }[];
    evidence: {
      kind: 'STATEMENT' | 'CLAIM';
      diagnostic: boolean;
      statement: { recordId: string; position: Position; hedge: string | null; quote: string | null; paraphrase: string | null; source: SourceRef; claim: { recordId: string } } | null;
      copies: { recordId: string }[];
      claim: ClaimRef | null;
      cells: { hypothesis: { recordId: string }; cell: AchCellValue; derivedCell: AchCellValue; relation: string; override: { cell: AchCellValue; reason: string; by: string; at: string } | null }[];
    }[];
  };
}
const QUESTION = `query Question($id: ID!) { question(id: $id) {
  recordId text
  matrix {
    hypotheses { rank inconsistency consistency claim { recordId text } }
    evidence {
      kind diagnostic copies { recordId } claim { recordId text }
      statement { recordId position hedge quote paraphrase source { ${SOURCE_REF} } claim { recordId } }
      cells { hypothesis { recordId } cell derivedCell relation override { cell reason by at } }
    }
  }
} }`;
export const question = async (id: string) => (await request<{ question: Question }>(QUESTION, { id })).question;

// ---------------------------------------------------------------- provenance graph

/** The graph view draws at most this many statements: beyond that a drawing is no longer readable. */
export const GRAPH_STATEMENTS = 40;

export interface ProvenanceSource extends SourceRef {
  affiliationRoles: { role: string | null; source: SourceRef }[];
}
export interface Provenance {
  recordId: string;
  text: string;
  status: ClaimStatus;
  statementsConnection: {
    totalCount: number;
    nodes: {
      recordId: string;
      position: Position;
      current: boolean;
      derivedFrom: { recordId: string } | null;
      source: ProvenanceSource;
      appearances: { document: DocumentRef & { publisher: { recordId: string } | null }; via: { source: SourceRef; document: DocumentRef | null }[] }[];
    }[];
  };
  linksConnection: { nodes: { claim: ClaimRef & { status: ClaimStatus } }[] };
}
const PROVENANCE = `query Provenance($id: ID!, $first: Int!) { claim(id: $id) {
  recordId text status
  statementsConnection(first: $first) { totalCount nodes {
    recordId position current derivedFrom { recordId }
    source { ${SOURCE_REF} affiliationRoles { role source { ${SOURCE_REF} } } }
    appearances { document { recordId title publisher { recordId } } via { source { ${SOURCE_REF} } document { recordId title } } }
  } }
  linksConnection(first: 20, type: CONTRADICTS) { nodes { claim { recordId text status } } }
} }`;
export const provenance = async (id: string) => (await request<{ claim: Provenance }>(PROVENANCE, { id, first: GRAPH_STATEMENTS })).claim;

/** Most sources looked up in one request (the server allows 15 aliases). */
const ALIASES = 15;

/** The lookup of `count` sources' parents, `$s0`… naming them. */
export function parentsQuery(count: number): string {
  const indices = [...Array(count).keys()];
  const vars = indices.map((j) => `$s${j}: ID!`).join(', ');
  const fields = indices.map((j) => `s${j}: source(id: $s${j}) { recordId affiliationRoles { role source { ${SOURCE_REF} } } }`).join('\n');
  return `query Parents(${vars}) {\n${fields}\n}`;
}

/**
 * The parents of sources, for affiliation chains above the first level: one
 * request per 15 sources, each source under an alias (the API has no lookup
 * of many ids at once).
 */
export async function parentsOf(ids: readonly string[]): Promise<Map<string, { role: string | null; source: SourceRef }[]>> {
  const found = new Map<string, { role: string | null; source: SourceRef }[]>();
  for (let i = 0; i < ids.length; i += ALIASES) {
    const batch = ids.slice(i, i + ALIASES);
    const data = await request<Record<string, { recordId: string; affiliationRoles: { role: string | null; source: SourceRef }[] }>>(
      parentsQuery(batch.length),
      Object.fromEntries(batch.map((id, j) => [`s${j}`, id])),
    );
    for (const source of Object.values(data)) found.set(source.recordId, source.affiliationRoles);
  }
  return found;
}

// ---------------------------------------------------------------- possible duplicates

export interface PossibleDuplicate {
  kind: DuplicateKind;
  a: string;
  b: string;
  reason: 'GENERIC_NAME' | 'SIMILAR_NAME' | 'SIMILAR_TEXT';
  key: string | null;
  score: number | null;
}
/** Seven pairs a page: their fourteen records are named in one request of at most 15 aliases. */
export const DUPLICATE_PAGE = 7;
const DUPLICATES = `query Duplicates($after: String, $first: Int!) {
  possibleDuplicates(first: $first, after: $after) { ${PAGE_INFO} nodes { kind a b reason key score } }
}`;
export const duplicates = async (after: string | null) =>
  (await request<{ possibleDuplicates: Page<PossibleDuplicate> }>(DUPLICATES, { after, first: DUPLICATE_PAGE })).possibleDuplicates;

/** The lookup of records of these kinds by id, `$r0`… naming them. */
export function namesQuery(kinds: readonly DuplicateKind[]): string {
  const field = { SOURCE: 'source', ENTITY: 'entity', CLAIM: 'claim' } as const;
  const vars = kinds.map((_, j) => `$r${j}: ID!`).join(', ');
  // A claim's text is not aliased to `name`: every alias counts against the 15 allowed.
  const fields = kinds.map((kind, j) => `r${j}: ${field[kind]}(id: $r${j}) { recordId ${kind === 'CLAIM' ? 'text' : 'name'} }`).join('\n');
  return `query Names(${vars}) {\n${fields}\n}`;
}

/** What a record of a pair is called: a source's or entity's name, a claim's text. */
export async function recordNames(records: readonly { kind: DuplicateKind; id: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < records.length; i += ALIASES) {
    const batch = records.slice(i, i + ALIASES);
    const data = await request<Record<string, { recordId: string; name?: string; text?: string } | null>>(
      namesQuery(batch.map((r) => r.kind)),
      Object.fromEntries(batch.map((r, j) => [`r${j}`, r.id])),
    );
    batch.forEach((r, j) => {
      const found = data[`r${j}`];
      const name = found?.name ?? found?.text;
      if (name !== undefined) names.set(`${r.kind}:${r.id}`, name);
    });
  }
  return names;
}

// ---------------------------------------------------------------- editing

const CHECK_KEY = 'query CheckKey { __typename }';
/** Checks a key by reading with it: the server refuses a key it does not know, for reads too. */
export const checkKey = () => request<{ __typename: string }>(CHECK_KEY);

export interface RecordStatementInput {
  source: string;
  claim: string;
  stance: Stance;
  hedge?: string;
  date?: string;
  appearances: { document: string; quote?: string; paraphrase?: string; selector: Selector }[];
}
export interface Recorded {
  recordId: string;
  claim: { recordId: string; corroboration: { assertingSources: number; independentSources: number; hedgingSources: number; denyingSources: number } };
}
const RECORD_STATEMENT = `mutation RecordStatement($input: RecordStatementInput!) { recordStatement(input: $input) { statement {
  recordId claim { recordId corroboration { assertingSources independentSources hedgingSources denyingSources } }
} } }`;
export const recordStatement = async (input: RecordStatementInput) =>
  (await request<{ recordStatement: { statement: Recorded } }>(RECORD_STATEMENT, { input })).recordStatement.statement;

const CREATE_CLAIM = `mutation CreateClaim($input: CreateClaimInput!) { createClaim(input: $input) { claim { recordId text } } }`;
export const createClaim = async (text: string) => (await request<{ createClaim: { claim: ClaimRef } }>(CREATE_CLAIM, { input: { text } })).createClaim.claim;

const CREATE_SOURCE = `mutation CreateSource($input: CreateSourceInput!) { createSource(input: $input) { source { ${SOURCE_REF} } } }`;
export const createSource = async (input: { name: string; kind: SourceKind; anonymous: boolean }) =>
  (await request<{ createSource: { source: SourceRef } }>(CREATE_SOURCE, { input })).createSource.source;

const LINK_CLAIMS = `mutation LinkClaims($input: LinkClaimsInput!) { linkClaims(input: $input) { from { recordId } to { recordId } } }`;
export const linkClaims = (type: ClaimLinkType, from: string, to: string, reason: string) => request<unknown>(LINK_CLAIMS, { input: { type, from, to, reason } });

const RATE_SOURCE = `mutation RateSource($input: RateSourceInput!) { rateSource(input: $input) { source { recordId reliability { grade } } } }`;
export const rateSource = (id: string, grade: Reliability, reason: string) => request<unknown>(RATE_SOURCE, { input: { source: id, grade, reason } });

const ASSESS_CLAIM = `mutation AssessClaim($input: AssessClaimInput!) { assessClaim(input: $input) { assessment { recordId } } }`;
export const assessClaim = (input: { claim: string; verdict: Verdict; rating: number; explanation: string; url: string | null }) => request<unknown>(ASSESS_CLAIM, { input });

const MERGE = {
  SOURCE: `mutation MergeSources($input: MergeSourcesInput!) { mergeSources(input: $input) { mergedId } }`,
  ENTITY: `mutation MergeEntities($input: MergeEntitiesInput!) { mergeEntities(input: $input) { mergedId } }`,
  CLAIM: `mutation MergeClaims($input: MergeClaimsInput!) { mergeClaims(input: $input) { mergedId } }`,
} as const;
export const merge = (kind: DuplicateKind, keep: string, mergeId: string) => request<unknown>(MERGE[kind], { input: { keep, merge: mergeId } });

const REJECT_DUPLICATE = `mutation RejectDuplicate($input: RejectDuplicateInput!) { rejectDuplicate(input: $input) { possibleDuplicate { rejected } } }`;
export const rejectDuplicate = (kind: DuplicateKind, a: string, b: string) => request<unknown>(REJECT_DUPLICATE, { input: { kind, a, b } });

/** Every fixed operation above, by name, for the test that validates them against the SDL and the server's limits. */
export const OPERATIONS: Readonly<Record<string, string>> = {
  SEARCH, PICK_CLAIMS, PICK_SOURCES, HOME, CLAIM_PAGE, CLAIM_GRADE, CLAIM_STATEMENTS, SOURCE_HEAD, SOURCE_STATEMENTS, SOURCE_CONFLICTS,
  DOCUMENT_HEAD, DOCUMENT_STATEMENTS, ENTITY_HEAD, ENTITY_TIMELINE, QUESTION, PROVENANCE, DUPLICATES, RECORD_STATEMENT, CREATE_CLAIM,
  CREATE_SOURCE, LINK_CLAIMS, RATE_SOURCE, ASSESS_CLAIM, MERGE_SOURCES: MERGE.SOURCE, MERGE_ENTITIES: MERGE.ENTITY, MERGE_CLAIMS: MERGE.CLAIM, REJECT_DUPLICATE,
  CHECK_KEY,
};
