/**
 * Information credibility (Admiralty Code 1–6) and claim status, from the
 * numbers the store counts. `corroboration-by-claims` counts everything (the
 * asserting and opposing sources, their independent clusters, the best
 * reliability grade among the asserting sources, the latest assessment) and
 * computes the status; the tiny decision table below only reads those
 * numbers. The numbers against a claim are those credibility weighs: the
 * voices of the claim's own parties (a source that is, or belongs to, an
 * entity the claim is about) are left out of them, as a suspect's "not me"
 * is expected whether or not he did it; status still counts them
 * (docs/ANALYSIS.md, "Interested parties"). docs/ANALYSIS.md and the README's "Credibility and status" section
 * state the same rules: test/analysis/credibility.test.ts checks that every
 * rule text here appears there word for word.
 */
import { ClaimgraphError, show } from '../errors';
import { RELIABILITY_GRADES, VERDICTS, type ReliabilityGrade, type Verdict } from '../graph/model';
import type { Value } from '../store/port';

// ---------------------------------------------------------------- vocabularies

// The grades and verdicts are part of the bundle format: they live with the model.
export { RELIABILITY_GRADES, VERDICTS, type ReliabilityGrade, type Verdict } from '../graph/model';

/** The standard meaning of each reliability grade. */
export const RELIABILITY_LABELS: Readonly<Record<ReliabilityGrade, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CLAIM_STATUSES = ['UNVERIFIED', 'CORROBORATED', 'CONTESTED', 'REFUTED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];


/** The verdict in words, as a ClaimReview's `reviewRating.alternateName`. */
export const VERDICT_NAMES: Readonly<Record<Verdict, string>> = {
  TRUE: 'True',
  MOSTLY_TRUE: 'Mostly true',
  MIXED: 'Mixed: partly true, partly false',
  MOSTLY_FALSE: 'Mostly false',
  FALSE: 'False',
  UNVERIFIABLE: 'Unverifiable',
};

// ---------------------------------------------------------------- the rules

export type CredibilityGrade = 1 | 2 | 3 | 4 | 5 | 6;

/** The Admiralty Code's name for each information-credibility grade. */
export const CREDIBILITY_LABELS: Readonly<Record<CredibilityGrade, string>> = {
  1: 'Confirmed',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Cannot be judged',
};

/**
 * Each rule as the decision table applies it, checked in this order (the
 * first that holds gives the grade). The same sentences are in
 * docs/ANALYSIS.md and the README.
 */
export const CREDIBILITY_RULES = {
  refutedByEditor: '5 (improbable): an editor\'s latest assessment of the claim has the verdict FALSE.',
  nothingToJudge: '6 (cannot be judged): no source now asserts, hedges, denies, doubts or contradicts the claim, leaving out its own parties.',
  betterOpposed: '5 (improbable): more independent clusters lean against the claim than for it, hedges and doubts included (leaningAgainst > leaningFor); where no source firmly asserts it or is firmly against it, at least three times as many (leaningAgainst >= 3 x leaningFor).',
  confirmed: '1 (confirmed): at least 2 independent clusters assert the claim, or 1 does and it is an admission (a source of the organisation that denied or doubted the claim, or a claim it implies, now firmly asserts it, and that denial or doubt has been superseded or withdrawn), and no source is against it or doubts it (contradictedBy = 0, doubtingSources = 0).',
  probablyTrue: '2 (probably true): 1 independent cluster asserts the claim, no source is against it or doubts it, and an asserting source\'s latest reliability rating is A or B, or another independent cluster hedges it (leaningFor >= 2), or an asserting source\'s assertion supersedes a statement against it, its own or one of a source it can supersede (an admission after a denial or doubt, or a revised account).',
  possiblyTrue: '3 (possibly true): some source asserts the claim and no source is against it or doubts it, but neither 1 nor 2 holds.',
  farOutweighsOpposition: '2 (probably true): sources are against the claim or doubt it, but at least 3 independent clusters assert it and, hedges and doubts included, at least three times as many independent clusters lean for it as against it (leaningFor >= 3 x leaningAgainst).',
  outweighsOpposition: '3 (possibly true): sources are against the claim or doubt it, but at least 2 independent clusters assert it and, hedges and doubts included, at least twice as many independent clusters lean for it as against it (leaningFor >= 2 x leaningAgainst).',
  doubtful: '4 (doubtful): every other claim that sources are against, doubt or only hedge: neither side outweighs the other as rules 3, 7 and 8 ask.',
} as const;
export type CredibilityRule = keyof typeof CREDIBILITY_RULES;

/**
 * What the store counted for one claim: the inputs of the decision table.
 * Every count against the claim leaves out its parties (`partiesAgainst`).
 */
export interface CredibilityInputs {
  assertingSources: number;
  independentSources: number;
  hedgingSources: number;
  /** Distinct sources, not parties to the claim, whose current position is a firm denial. */
  denyingSources: number;
  /** Distinct sources, not parties to the claim, whose current position is a hedged denial (a doubt). */
  doubtingSources: number;
  /** Distinct sources, not parties to the claim, against it: denying it, or asserting a claim that contradicts it. */
  contradictedBy: number;
  opposingIndependentSources: number;
  /** Independent clusters of the sources leaning for the claim: asserting or hedging it (or a claim implying it). */
  leaningFor: number;
  /** Independent clusters of the sources, not parties to the claim, leaning against it: denying or doubting it, or asserting a contradicting claim, firmly or hedged. */
  leaningAgainst: number;
  /**
   * The names of the sources against the claim (firm or hedged) that are
   * parties to it: shown, not weighed. Sorted, distinct.
   */
  partiesAgainst: string[];
  /**
   * The names of the sources that now firmly assert the claim in a statement
   * superseding a statement against it, firm or hedged (a denial or doubt of
   * it, or an assertion of a claim that contradicts it), by themselves or by
   * a source they can supersede (docs/MODEL.md, "Who can supersede whom"):
   * they came round, or their organisation revised its figure. Sorted, distinct.
   */
  cameRound: string[];
  /**
   * The names of the sources that now firmly assert the claim (or a claim
   * implying it) where they, or a source of their own top-level organisation,
   * denied or doubted it (or a claim it implies) in a statement since
   * superseded or withdrawn: an admission against the organisation's own
   * earlier position. Sorted, distinct.
   */
  admittedBy: string[];
  /** The best latest reliability grade among the asserting sources (F for an unrated one); null when none asserts. */
  bestReliability: ReliabilityGrade | null;
  /** The names of the asserting sources holding that grade. */
  bestRatedSources: string[];
  /** The latest assessment, or null. */
  assessment: { id: string; verdict: Verdict; by: string; at: string } | null;
}

export interface Credibility {
  grade: CredibilityGrade;
  label: string;
  /** Which rule gave the grade, in words. */
  rule: string;
  ruleName: CredibilityRule;
  /** The facts the grade was decided on. */
  facts: string[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const listed = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;

/** The facts behind a grade, in words, from the numbers the store counted. */
function factsOf(x: CredibilityInputs): string[] {
  const facts: string[] = [];
  if (x.assessment !== null) {
    facts.push(`the latest assessment, by ${x.assessment.by} at ${x.assessment.at}, gives the verdict ${x.assessment.verdict}`);
  }
  facts.push(
    x.assertingSources === 0
      ? 'no source asserts it'
      : `${plural(x.independentSources, 'independent cluster asserts', 'independent clusters assert')} it (${plural(x.assertingSources, 'asserting source', 'asserting sources')})`,
  );
  facts.push(
    x.contradictedBy === 0
      ? 'no source contradicts it'
      : `${plural(x.contradictedBy, 'source is', 'sources are')} against it (denying it or asserting a claim that contradicts it), in ${plural(x.opposingIndependentSources, 'independent cluster', 'independent clusters')}`,
  );
  if (x.leaningFor !== x.independentSources || x.leaningAgainst !== x.opposingIndependentSources) {
    facts.push(`counting hedges and doubts, ${plural(x.leaningFor, 'independent cluster leans', 'independent clusters lean')} for it and ${plural(x.leaningAgainst, 'leans', 'lean')} against it`);
  }
  if (x.partiesAgainst.length > 0) {
    facts.push(
      `${plural(x.partiesAgainst.length, 'source against it is a party', 'sources against it are parties')} to it and ${x.partiesAgainst.length === 1 ? 'is' : 'are'} not weighed: ${listed(x.partiesAgainst)}`,
    );
  }
  if (x.cameRound.length > 0) {
    facts.push(`${listed(x.cameRound)} ${x.cameRound.length === 1 ? 'asserts' : 'assert'} it in a statement that supersedes one against it (an admission after a denial or doubt, or a revised account)`);
  }
  if (x.admittedBy.length > 0) {
    facts.push(`${listed(x.admittedBy)} now ${x.admittedBy.length === 1 ? 'asserts' : 'assert'} it where ${x.admittedBy.length === 1 ? 'its' : 'their'} organisation denied or doubted it before (an admission)`);
  }
  if (x.denyingSources > 0) facts.push(`${plural(x.denyingSources, 'source denies', 'sources deny')} it`);
  if (x.doubtingSources > 0) facts.push(`${plural(x.doubtingSources, 'source doubts', 'sources doubt')} it (a hedged denial)`);
  if (x.hedgingSources > 0) facts.push(`${plural(x.hedgingSources, 'source hedges', 'sources hedge')} it`);
  if (x.bestReliability !== null) {
    facts.push(
      x.bestReliability === 'F'
        ? `no asserting source is rated better than F (${RELIABILITY_LABELS.F.toLowerCase()}; F is also the grade of a source with no rating)`
        : `asserted by ${listed(x.bestRatedSources)}, rated ${x.bestReliability} (${RELIABILITY_LABELS[x.bestReliability].toLowerCase()})`,
    );
  }
  return facts;
}

/** Which rule applies: the decision table, in the order of CREDIBILITY_RULES. */
export function credibilityRule(x: CredibilityInputs): CredibilityRule {
  if (x.assessment?.verdict === 'FALSE') return 'refutedByEditor';
  if (x.assertingSources === 0 && x.hedgingSources === 0 && x.contradictedBy === 0 && x.doubtingSources === 0) return 'nothingToJudge';
  // The sides are weighed with every source that leans one way: five hedged
  // intelligence assessments outweigh three firm partisan statements.
  // Where every voice on both sides is hedged (assessments, not accounts), one
  // more leaning cluster against does not settle it: 5 only at three to one.
  const onlyHedged = x.assertingSources === 0 && x.contradictedBy === 0 && x.leaningFor > 0;
  if (onlyHedged ? x.leaningAgainst >= 3 * x.leaningFor : x.leaningAgainst > x.leaningFor) return 'betterOpposed';
  // A doubt, like a denial, keeps a claim from the grades that say nothing is against it.
  const unopposed = x.contradictedBy === 0 && x.doubtingSources === 0;
  // The organisation that denied it now asserts it: an admission against its
  // own earlier position counts as a second, independent confirmation.
  if (unopposed && (x.independentSources >= 2 || (x.independentSources === 1 && x.admittedBy.length > 0))) return 'confirmed';
  // One account is probably true when something else stands behind it: a good
  // rating, an independent hedged account ("the evidence indicates"), or the
  // speaker's own reversal of a denial, which is an admission against interest.
  if (unopposed && x.independentSources === 1
      && (x.bestReliability === 'A' || x.bestReliability === 'B' || x.leaningFor >= 2 || x.cameRound.length > 0)) return 'probablyTrue';
  if (unopposed && x.assertingSources > 0) return 'possiblyTrue';
  // A lone early figure against a count that three independent accounts give
  // is an outlier, not a doubt on the count.
  if (x.independentSources >= 3 && x.leaningFor >= 3 * x.leaningAgainst) return 'farOutweighsOpposition';
  // One firm voice against should not cap a claim that many independent
  // accounts carry: the Admiralty Code's 3 is "not confirmed, but reasonably
  // logical and agrees with some other information".
  if (x.independentSources >= 2 && x.leaningFor >= 2 * x.leaningAgainst) return 'outweighsOpposition';
  return 'doubtful';
}

const GRADE_OF: Readonly<Record<CredibilityRule, CredibilityGrade>> = {
  refutedByEditor: 5,
  nothingToJudge: 6,
  betterOpposed: 5,
  confirmed: 1,
  probablyTrue: 2,
  possiblyTrue: 3,
  farOutweighsOpposition: 2,
  outweighsOpposition: 3,
  doubtful: 4,
};

/** The information-credibility grade of a claim, with the rule and the facts that produced it. */
export function credibility(x: CredibilityInputs): Credibility {
  const ruleName = credibilityRule(x);
  const grade = GRADE_OF[ruleName];
  return { grade, label: CREDIBILITY_LABELS[grade], rule: CREDIBILITY_RULES[ruleName], ruleName, facts: factsOf(x) };
}

// ---------------------------------------------------------------- rows

type Obj = { [key: string]: Value };
const isObj = (v: Value | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function broken(what: string, value: unknown): ClaimgraphError {
  return new ClaimgraphError('INTERNAL', `The store returned a malformed ${what}: ${show(value, 200)}`);
}

function count(row: Obj, key: string): number {
  const v = row[key];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw broken(`corroboration row (${key})`, row);
}

/** A list of source names from a row, sorted (the facts name them in this order). */
const sortedNames = (v: Value | undefined): string[] =>
  (Array.isArray(v) ? v : []).filter((n): n is string => typeof n === 'string').sort((x, y) => x.localeCompare(y));

/** The names of the parties against a claim, one per source (a source can be both firm and hedged against it), sorted. */
function partyNames(v: Value | undefined): string[] {
  if (!Array.isArray(v)) throw broken('corroboration row (partiesAgainst)', v);
  const byId = new Map<string, string>();
  for (const p of v) {
    if (!isObj(p) || typeof p.id !== 'string' || typeof p.name !== 'string') throw broken('party against a claim', v);
    byId.set(p.id, p.name);
  }
  return [...byId.values()].sort((x, y) => x.localeCompare(y));
}

/** What `corroboration-by-claims` adds to a row for credibility and status. */
export interface ClaimJudgement {
  status: ClaimStatus;
  inputs: CredibilityInputs;
}

/** Reads the credibility inputs and the status from a `corroboration-by-claims` row. */
export function toClaimJudgement(row: Obj): ClaimJudgement {
  const status = row.status;
  if (typeof status !== 'string' || !(CLAIM_STATUSES as readonly string[]).includes(status)) throw broken('claim status', row);
  const best = row.bestReliability;
  if (best !== null && best !== undefined && !(typeof best === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(best))) {
    throw broken('reliability grade', row);
  }
  const a = row.assessment;
  let assessment: CredibilityInputs['assessment'] = null;
  if (isObj(a) && typeof a.id === 'string') {
    if (typeof a.verdict !== 'string' || !(VERDICTS as readonly string[]).includes(a.verdict)) throw broken('assessment', a);
    assessment = { id: a.id, verdict: a.verdict as Verdict, by: String(a.by), at: String(a.at) };
  }
  return {
    status: status as ClaimStatus,
    inputs: {
      assertingSources: count(row, 'assertingSources'),
      independentSources: count(row, 'independentSources'),
      hedgingSources: count(row, 'hedgingSources'),
      // Against the claim, what credibility weighs: its parties left out (cypher/corroboration-by-claims).
      denyingSources: count(row, 'weighedDenyingSources'),
      doubtingSources: count(row, 'weighedDoubtingSources'),
      contradictedBy: count(row, 'weighedContradictedBy'),
      opposingIndependentSources: count(row, 'weighedOpposingIndependentSources'),
      leaningFor: count(row, 'leaningFor'),
      leaningAgainst: count(row, 'weighedLeaningAgainst'),
      partiesAgainst: partyNames(row.partiesAgainst),
      cameRound: sortedNames(row.cameRound),
      admittedBy: sortedNames(row.admittedBy),
      bestReliability: typeof best === 'string' ? (best as ReliabilityGrade) : null,
      bestRatedSources: sortedNames(row.bestRatedSources),
      assessment,
    },
  };
}
