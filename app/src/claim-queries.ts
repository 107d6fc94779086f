/*
 * The claim page's first two queries and the fragments they share with the
 * rest of api.ts: apart from it so that index.html's boot script (boot.ts)
 * can send them without carrying every other operation. Each is exported
 * through api.ts's OPERATIONS, which test/app/operations.test.ts validates.
 */
import { askAhead } from './transport';

export const SOURCE_REF = 'recordId name kind anonymous count';

export const STATEMENT = `recordId position hedge quote paraphrase madeAt dated { value precision basis } current supersession
  supersededBy { recordId position dated { value } source { name } } derivedFrom { recordId source { recordId name } }
  source { ${SOURCE_REF} }
  appearances { document { recordId title publishedAt } quote paraphrase via { source { recordId name } document { recordId title } } }`;

export const CONFLICT = `kind claim { recordId text } opposingClaim { recordId text }
  sourcesConnection(first: 10) { totalCount nodes { ${SOURCE_REF} } }
  opposingSourcesConnection(first: 10) { totalCount nodes { ${SOURCE_REF} } }
  earlier { recordId position dated { value } } later { recordId position dated { value } } linkedBy reason`;

export const CLUSTER = `sources { ${SOURCE_REF} } merges { explanation }`;

export const PAGE_INFO = 'totalCount pageInfo { endCursor hasNextPage }';

/** Statements come 50 to a page: a claim can have thousands. */
export const STATEMENT_PAGE = 50;

/** What the graph makes of the claim, computed over every current position on it (api.ts's claimGrade). */
export const CLAIM_GRADE = `query ClaimGrade($id: ID!) { claim(id: $id) {
  status credibility { grade label rule facts }
  corroboration {
    assertingSources independentSources anonymousSources impliedSources hedgingSources denyingSources
    doubtingSources withdrawnSources contradictedBy opposingIndependentSources
    clusters { ${CLUSTER} } opposingClusters { ${CLUSTER} }
    implied { source { ${SOURCE_REF} } through { recordId text } }
  }
} }`;

/** The claim, its first page of statements, its conflicts and links: all but its grade (api.ts's claimPage). */
export const CLAIM_PAGE = `query ClaimPage($id: ID!, $first: Int!) {
  conflicts(claimId: $id, first: 20) { totalCount nodes { ${CONFLICT} } }
  claim(id: $id) {
    recordId text about { recordId name } assessments { recordId verdict alternateName rating explanation url by at } claimReview questions { recordId text }
    linksConnection(first: 50) { totalCount nodes { type outgoing linkedBy reason claim { recordId text status } } }
    statementsConnection(first: $first) { ${PAGE_INFO} nodes { ${STATEMENT} } }
  }
}`;

/**
 * The claim page's first two operations, as the app sends them. The server
 * runs the very same on a `/claims/<id>` navigation and embeds the answers in
 * the page (build-app.ts writes them, with `id` empty, into the build for it):
 * each takes the claim's id as `$id`.
 */
export const claimPageOperations = (id: string): { query: string; variables: Record<string, unknown> }[] => [
  { query: CLAIM_PAGE, variables: { id, first: STATEMENT_PAGE } },
  { query: CLAIM_GRADE, variables: { id } },
];

/** Asks for a claim page's two queries ahead of the app (boot.ts, and main.tsx should the boot script not have run). */
export function askClaimPageAhead(id: string): void {
  for (const { query, variables } of claimPageOperations(id)) askAhead(query, variables);
}
