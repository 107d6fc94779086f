/*
 * Every GraphQL operation the explorer sends, with the types of their
 * results: the one module to change when the API changes. It uses the API as
 * any client would (POST /graphql), within the server's limits (at most 1,000
 * tokens and 15 aliases per operation, a cost of at most 50,000, depth 8):
 * test/app/operations.test.ts validates every operation here against the
 * SDL and those limits.
 */

// ---------------------------------------------------------------- transport

/** An answer the API refused, with its message and code (`extensions.code`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** For BAD_USER_INPUT: each problem of the input, in words. */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { path: string; expected: string; got: string }[] } }[];
}

let keyOf: () => string | null = () => null;

/** Where the editor's key comes from (the app keeps it in sessionStorage). */
export function useKeyFrom(provider: () => string | null): void {
  keyOf = provider;
}

/** Queries on their way, by operation and variables: a page that asks again for what a prefetch asked shares its answer. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs one operation; throws ApiError with the API's own message when it
 * answers with errors. A query identical to one still on its way (same
 * text, variables and key) waits for that one instead; mutations always go.
 */
export function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (query.startsWith('mutation')) return send<T>(query, variables);
  const key = JSON.stringify([query, variables, keyOf()]);
  const pending = inFlight.get(key);
  if (pending !== undefined) return pending as Promise<T>;
  const sent = send<T>(query, variables).finally(() => inFlight.delete(key));
  inFlight.set(key, sent);
  return sent;
}

async function send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  const key = keyOf();
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError('The server did not answer: check that it is running.', 'NETWORK');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL response.`, 'BAD_RESPONSE');
  }
  const error = body.errors?.[0];
  if (error !== undefined) {
    const problems = (error.extensions?.problems ?? []).map((p) => `${p.path}: expected ${p.expected}, got ${p.got}`);
    throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL', problems);
  }
  if (body.data === undefined || body.data === null) throw new ApiError('The server answered with no data.', 'BAD_RESPONSE');
  return body.data;
}

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
  id: string;
  name: string;
  kind: SourceKind;
  anonymous: boolean;
  count: number | null;
}
export interface ClaimRef {
  id: string;
  text: string;
}
export interface DocumentRef {
  id: string;
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
  id: string;
  position: Position;
  hedge: string | null;
  quote: string | null;
  paraphrase: string | null;
  madeAt: string | null;
  dated: Dated | null;
  current: boolean;
  supersession: string | null;
  supersededBy: { id: string; position: Position; dated: { value: string } | null; source: { name: string } } | null;
  derivedFrom: { id: string; source: { id: string; name: string } } | null;
  source: SourceRef;
  appearances: {
    document: DocumentRef & { publishedAt: string | null };
    quote: string | null;
    paraphrase: string | null;
    via: { source: { id: string; name: string }; document: DocumentRef | null }[];
  }[];
}

export interface Cluster {
  sources: SourceRef[];
  merges: { explanation: string }[];
}

export interface ClaimHead {
  id: string;
  text: string;
  about: { id: string; name: string }[];
  assessments: { id: string; verdict: Verdict; alternateName: string; rating: number; explanation: string; url: string | null; by: string; at: string }[];
  claimReview: unknown;
  questions: { id: string; text: string }[];
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
  earlier: { id: string; position: Position; dated: { value: string } | null } | null;
  later: { id: string; position: Position; dated: { value: string } | null } | null;
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

// ---------------------------------------------------------------- fragments

const SOURCE_REF = 'id name kind anonymous count';

const STATEMENT = `id position hedge quote paraphrase madeAt dated { value precision basis } current supersession
  supersededBy { id position dated { value } source { name } } derivedFrom { id source { id name } }
  source { ${SOURCE_REF} }
  appearances { document { id title publishedAt } quote paraphrase via { source { id name } document { id title } } }`;

const CONFLICT = `kind claim { id text } opposingClaim { id text }
  sourcesConnection(first: 10) { totalCount nodes { ${SOURCE_REF} } }
  opposingSourcesConnection(first: 10) { totalCount nodes { ${SOURCE_REF} } }
  earlier { id position dated { value } } later { id position dated { value } } linkedBy reason`;

const CLUSTER = `sources { ${SOURCE_REF} } merges { explanation }`;

const PAGE_INFO = 'totalCount pageInfo { endCursor hasNextPage }';

// ---------------------------------------------------------------- search

export interface SearchResults {
  claims: { totalCount: number; edges: { score: number | null; node: ClaimRef & { status: ClaimStatus; credibility: { grade: number; label: string } } }[] };
  sources: { totalCount: number; edges: { score: number | null; node: SourceRef & { reliability: { grade: Reliability; label: string } } }[] };
  entities: { totalCount: number; edges: { score: number | null; node: { id: string; name: string; description: string | null; aliases: string[] } }[] };
  documents: { totalCount: number; edges: { score: number | null; node: DocumentRef & { publishedAt: string | null; publisher: { id: string; name: string } | null } }[] };
}

const SEARCH = `query Search($q: String!, $first: Int!) {
  claims(search: $q, first: $first) { totalCount edges { score node { id text status credibility { grade label } } } }
  sources(search: $q, first: $first) { totalCount edges { score node { ${SOURCE_REF} reliability { grade label } } } }
  entities(search: $q, first: $first) { totalCount edges { score node { id name description aliases } } }
  documents(search: $q, first: $first) { totalCount edges { score node { id title publishedAt publisher { id name } } } }
}`;

export const search = (q: string, first = 20) => request<SearchResults>(SEARCH, { q, first });

const PICK_CLAIMS = `query PickClaims($q: String!) { claims(search: $q, first: 8) { nodes { id text } } }`;
export const pickClaims = async (q: string): Promise<ClaimRef[]> => (await request<{ claims: { nodes: ClaimRef[] } }>(PICK_CLAIMS, { q })).claims.nodes;

const PICK_SOURCES = `query PickSources($q: String!) { sources(search: $q, first: 8) { nodes { ${SOURCE_REF} } } }`;
export const pickSources = async (q: string): Promise<SourceRef[]> => (await request<{ sources: { nodes: SourceRef[] } }>(PICK_SOURCES, { q })).sources.nodes;

export interface HomeLists {
  questions: { totalCount: number; nodes: { id: string; text: string }[] };
  documents: { totalCount: number; nodes: (DocumentRef & { publishedAt: string | null })[] };
}
const HOME = `query Home {
  questions(first: 20) { totalCount nodes { id text } }
  documents(first: 20) { totalCount nodes { id title publishedAt } }
}`;
export const home = () => request<HomeLists>(HOME);

// ---------------------------------------------------------------- claim

const CLAIM_GRADE = `query ClaimGrade($id: ID!) { claim(id: $id) {
  status credibility { grade label rule facts }
  corroboration {
    assertingSources independentSources anonymousSources impliedSources hedgingSources denyingSources
    doubtingSources withdrawnSources contradictedBy opposingIndependentSources
    clusters { ${CLUSTER} } opposingClusters { ${CLUSTER} }
    implied { source { ${SOURCE_REF} } through { id text } }
  }
} }`;
export const claimGrade = async (id: string) => (await request<{ claim: ClaimGrade }>(CLAIM_GRADE, { id })).claim;

/** Statements come 50 to a page: a claim can have thousands. */
export const STATEMENT_PAGE = 50;
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
const CLAIM_PAGE = `query ClaimPage($id: ID!, $first: Int!) {
  conflicts(claimId: $id, first: 20) { totalCount nodes { ${CONFLICT} } }
  claim(id: $id) {
    id text about { id name } assessments { id verdict alternateName rating explanation url by at } claimReview questions { id text }
    linksConnection(first: 50) { totalCount nodes { type outgoing linkedBy reason claim { id text status } } }
    statementsConnection(first: $first) { ${PAGE_INFO} nodes { ${STATEMENT} } }
  }
}`;
export async function claimPage(id: string): Promise<ClaimPage> {
  const data = await request<{
    conflicts: ClaimPage['conflicts'];
    claim: ClaimHead & { linksConnection: ClaimPage['links']; statementsConnection: Page<Statement> };
  }>(CLAIM_PAGE, { id, first: STATEMENT_PAGE });
  const { linksConnection, statementsConnection, ...head } = data.claim;
  return { head, statements: statementsConnection, conflicts: data.conflicts, links: linksConnection };
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
  id: string;
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
    id position hedge quote paraphrase madeAt dated { value precision basis } current supersession
    claim { id text status } appearances { document { id title } }
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
  publisher: { id: string; name: string } | null;
}
const DOCUMENT_HEAD = `query DocumentHead($id: ID!) { document(id: $id) { id title url publishedAt note text publisher { id name } } }`;
export const documentHead = async (id: string) => (await request<{ document: DocumentPage }>(DOCUMENT_HEAD, { id })).document;

export interface PrintedStatement {
  id: string;
  position: Position;
  hedge: string | null;
  current: boolean;
  source: SourceRef;
  claim: ClaimRef;
  appearances: { document: { id: string }; quote: string | null; paraphrase: string | null; selector: Selector | null; via: { source: { name: string } }[] }[];
}
const DOCUMENT_STATEMENTS = `query DocumentStatements($id: ID!, $after: String) { document(id: $id) {
  statementsConnection(first: 100, after: $after) { ${PAGE_INFO} nodes {
    id position hedge current source { ${SOURCE_REF} } claim { id text }
    appearances { document { id } quote paraphrase selector { exact prefix suffix } via { source { name } } }
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
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
  claimsConnection: Page<ClaimRef & { status: ClaimStatus; credibility: { grade: number; label: string } }>;
}
const ENTITY_HEAD = `query EntityHead($id: ID!) { entity(id: $id) {
  id name description aliases
  claimsConnection(first: 100) { ${PAGE_INFO} nodes { id text status credibility { grade label } } }
} }`;
export const entityHead = async (id: string) => (await request<{ entity: EntityPage }>(ENTITY_HEAD, { id })).entity;

export interface TimelineEntry {
  date: string | null;
  precision: Dated['precision'] | null;
  dateSource: 'SAID' | 'PUBLISHED' | 'BEFORE_REVISION' | 'UNKNOWN';
  dateText: string | null;
  statement: { id: string; position: Position; hedge: string | null; quote: string | null; paraphrase: string | null; current: boolean; source: SourceRef; claim: ClaimRef };
}
const ENTITY_TIMELINE = `query EntityTimeline($id: ID!, $after: String) { entity(id: $id) {
  timeline(first: 50, after: $after) { ${PAGE_INFO} nodes {
    date precision dateSource dateText
    statement { id position hedge quote paraphrase current source { ${SOURCE_REF} } claim { id text } }
  } }
} }`;
export const entityTimeline = async (id: string, after: string | null) =>
  (await request<{ entity: { timeline: Page<TimelineEntry> } }>(ENTITY_TIMELINE, { id, after })).entity.timeline;

// ---------------------------------------------------------------- question

export interface Question {
  id: string;
  text: string;
  matrix: {
    hypotheses: { rank: number; inconsistency: number; consistency: number; claim: ClaimRef }[];
    evidence: {
      kind: 'STATEMENT' | 'CLAIM';
      diagnostic: boolean;
      statement: { id: string; position: Position; hedge: string | null; quote: string | null; paraphrase: string | null; source: SourceRef; claim: { id: string } } | null;
      copies: { id: string }[];
      claim: ClaimRef | null;
      cells: { hypothesis: { id: string }; cell: AchCellValue; derivedCell: AchCellValue; relation: string; override: { cell: AchCellValue; reason: string; by: string; at: string } | null }[];
    }[];
  };
}
const QUESTION = `query Question($id: ID!) { question(id: $id) {
  id text
  matrix {
    hypotheses { rank inconsistency consistency claim { id text } }
    evidence {
      kind diagnostic copies { id } claim { id text }
      statement { id position hedge quote paraphrase source { ${SOURCE_REF} } claim { id } }
      cells { hypothesis { id } cell derivedCell relation override { cell reason by at } }
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
  id: string;
  text: string;
  status: ClaimStatus;
  statementsConnection: {
    totalCount: number;
    nodes: {
      id: string;
      position: Position;
      current: boolean;
      derivedFrom: { id: string } | null;
      source: ProvenanceSource;
      appearances: { document: DocumentRef & { publisher: { id: string } | null }; via: { source: SourceRef; document: DocumentRef | null }[] }[];
    }[];
  };
  linksConnection: { nodes: { claim: ClaimRef & { status: ClaimStatus } }[] };
}
const PROVENANCE = `query Provenance($id: ID!, $first: Int!) { claim(id: $id) {
  id text status
  statementsConnection(first: $first) { totalCount nodes {
    id position current derivedFrom { id }
    source { ${SOURCE_REF} affiliationRoles { role source { ${SOURCE_REF} } } }
    appearances { document { id title publisher { id } } via { source { ${SOURCE_REF} } document { id title } } }
  } }
  linksConnection(first: 20, type: CONTRADICTS) { nodes { claim { id text status } } }
} }`;
export const provenance = async (id: string) => (await request<{ claim: Provenance }>(PROVENANCE, { id, first: GRAPH_STATEMENTS })).claim;

/** Most sources looked up in one request (the server allows 15 aliases). */
const ALIASES = 15;

/** The lookup of `count` sources' parents, `$s0`… naming them. */
export function parentsQuery(count: number): string {
  const indices = [...Array(count).keys()];
  const vars = indices.map((j) => `$s${j}: ID!`).join(', ');
  const fields = indices.map((j) => `s${j}: source(id: $s${j}) { id affiliationRoles { role source { ${SOURCE_REF} } } }`).join('\n');
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
    const data = await request<Record<string, { id: string; affiliationRoles: { role: string | null; source: SourceRef }[] }>>(
      parentsQuery(batch.length),
      Object.fromEntries(batch.map((id, j) => [`s${j}`, id])),
    );
    for (const source of Object.values(data)) found.set(source.id, source.affiliationRoles);
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
  const fields = kinds.map((kind, j) => `r${j}: ${field[kind]}(id: $r${j}) { id ${kind === 'CLAIM' ? 'text' : 'name'} }`).join('\n');
  return `query Names(${vars}) {\n${fields}\n}`;
}

/** What a record of a pair is called: a source's or entity's name, a claim's text. */
export async function recordNames(records: readonly { kind: DuplicateKind; id: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let i = 0; i < records.length; i += ALIASES) {
    const batch = records.slice(i, i + ALIASES);
    const data = await request<Record<string, { id: string; name?: string; text?: string } | null>>(
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
  id: string;
  claim: { id: string; corroboration: { assertingSources: number; independentSources: number; hedgingSources: number; denyingSources: number } };
}
const RECORD_STATEMENT = `mutation RecordStatement($input: RecordStatementInput!) { recordStatement(input: $input) {
  id claim { id corroboration { assertingSources independentSources hedgingSources denyingSources } }
} }`;
export const recordStatement = async (input: RecordStatementInput) => (await request<{ recordStatement: Recorded }>(RECORD_STATEMENT, { input })).recordStatement;

const CREATE_CLAIM = `mutation CreateClaim($input: CreateClaimInput!) { createClaim(input: $input) { id text } }`;
export const createClaim = async (text: string) => (await request<{ createClaim: ClaimRef }>(CREATE_CLAIM, { input: { text } })).createClaim;

const CREATE_SOURCE = `mutation CreateSource($input: CreateSourceInput!) { createSource(input: $input) { ${SOURCE_REF} } }`;
export const createSource = async (input: { name: string; kind: SourceKind; anonymous: boolean }) =>
  (await request<{ createSource: SourceRef }>(CREATE_SOURCE, { input })).createSource;

const LINK_CLAIMS = `mutation LinkClaims($type: ClaimLinkType!, $from: ID!, $to: ID!, $reason: String!) {
  linkClaims(type: $type, from: $from, to: $to, reason: $reason) { from { id } to { id } }
}`;
export const linkClaims = (type: ClaimLinkType, from: string, to: string, reason: string) => request<unknown>(LINK_CLAIMS, { type, from, to, reason });

const RATE_SOURCE = `mutation RateSource($id: ID!, $grade: Reliability!, $reason: String!) {
  rateSource(id: $id, grade: $grade, reason: $reason) { id reliability { grade } }
}`;
export const rateSource = (id: string, grade: Reliability, reason: string) => request<unknown>(RATE_SOURCE, { id, grade, reason });

const ASSESS_CLAIM = `mutation AssessClaim($claim: ID!, $verdict: Verdict!, $rating: Int!, $explanation: String!, $url: String) {
  assessClaim(claim: $claim, verdict: $verdict, rating: $rating, explanation: $explanation, url: $url) { id }
}`;
export const assessClaim = (input: { claim: string; verdict: Verdict; rating: number; explanation: string; url: string | null }) => request<unknown>(ASSESS_CLAIM, input);

const MERGE = {
  SOURCE: `mutation MergeSources($keep: ID!, $merge: ID!) { mergeSources(keep: $keep, merge: $merge) { id } }`,
  ENTITY: `mutation MergeEntities($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { id } }`,
  CLAIM: `mutation MergeClaims($keep: ID!, $merge: ID!) { mergeClaims(keep: $keep, merge: $merge) { id } }`,
} as const;
export const merge = (kind: DuplicateKind, keep: string, mergeId: string) => request<unknown>(MERGE[kind], { keep, merge: mergeId });

const REJECT_DUPLICATE = `mutation RejectDuplicate($kind: DuplicateKind!, $a: ID!, $b: ID!) { rejectDuplicate(kind: $kind, a: $a, b: $b) { rejected } }`;
export const rejectDuplicate = (kind: DuplicateKind, a: string, b: string) => request<unknown>(REJECT_DUPLICATE, { kind, a, b });

/** Every fixed operation above, by name, for the test that validates them against the SDL and the server's limits. */
export const OPERATIONS: Readonly<Record<string, string>> = {
  SEARCH, PICK_CLAIMS, PICK_SOURCES, HOME, CLAIM_PAGE, CLAIM_GRADE, CLAIM_STATEMENTS, SOURCE_HEAD, SOURCE_STATEMENTS, SOURCE_CONFLICTS,
  DOCUMENT_HEAD, DOCUMENT_STATEMENTS, ENTITY_HEAD, ENTITY_TIMELINE, QUESTION, PROVENANCE, DUPLICATES, RECORD_STATEMENT, CREATE_CLAIM,
  CREATE_SOURCE, LINK_CLAIMS, RATE_SOURCE, ASSESS_CLAIM, MERGE_SOURCES: MERGE.SOURCE, MERGE_ENTITIES: MERGE.ENTITY, MERGE_CLAIMS: MERGE.CLAIM, REJECT_DUPLICATE,
  CHECK_KEY,
};
