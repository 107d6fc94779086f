/**
 * The bundle validator (docs/BUNDLE.md): reads format version 2, and
 * version 1 by way of bundle-v1.ts (validated as version 1, then upgraded).
 * Pure: no store access. The import calls {@link checkShapes}, asks the
 * graph which referenced ids it holds, then {@link checkReferences}; the
 * seed and the CLI call {@link checkBundle} or {@link parseBundle}. Sets of
 * bundles are in bundle-set.ts.
 *
 * Built to check 1,000,000 statements in one pass: one index per section
 * (a Map, never a per-record copy of a big list), the loop checks iterative
 * and linear (bundle-common.ts), readable keys and derived ids computed
 * only for the problems reported.
 */
import { createHash } from 'node:crypto';
import { badInput, show } from '../errors';
import {
  DATE_TIME_FORMS,
  idFor,
  isObj,
  isText,
  keyPart,
  nodesOnLoops,
  problem,
  readSection,
  RecordReader,
  stronglyConnected,
  type BundleProblem,
  type Json,
  type KnownIds,
  type Obj,
} from './bundle-common';
import { affiliationKey, checkReferencesV1, isV1, linkKey, readV1, statementTrace, upgradeV1Traced, type V1Bundle, type V1StatementTrace, type V1Trace } from './bundle-v1';
import { isPartialDate, parsePartialDate, strictlyBefore, type DateInterval } from './dates';
import {
  ACH_CELLS,
  CHANGE_ACTIONS,
  CLAIM_LINK_TYPES,
  HEDGEABLE_STANCES,
  RELIABILITY_GRADES,
  SOURCE_KINDS,
  STANCES,
  VERDICTS,
  type AchCellRecord,
  type AffiliationRecord,
  type AppearanceRecord,
  type AssessmentRecord,
  type ChangeRecord,
  type Bundle,
  type ClaimLinkRecord,
  type ClaimRecord,
  type DocumentRecord,
  type EntityRecord,
  type QuestionRecord,
  type RatingRecord,
  type Retraction,
  type SourceRecord,
  type Stance,
  type StatementRecord,
  type TextQuoteSelector,
  type ViaStep,
} from './model';

export type { BundleProblem, KnownIds } from './bundle-common';

// ---------------------------------------------------------------- the format

/** The sections of a version 2 bundle, in the order the validator reads and reports them. */
export const SECTIONS = ['sources', 'affiliations', 'entities', 'documents', 'claims', 'statements', 'links', 'questions', 'ratings', 'assessments', 'changes'] as const;
export type Section = (typeof SECTIONS)[number];

/** The fields each record of version 2 may have; any other is refused. */
export const FIELDS = {
  bundle: ['format', 'version', 'description', ...SECTIONS],
  sources: ['id', 'name', 'kind', 'anonymous', 'count', 'description', 'aliases', 'formerIds', 'recorded', 'entity'],
  affiliations: ['source', 'parent', 'role', 'recorded'],
  entities: ['id', 'name', 'description', 'aliases', 'formerIds', 'recorded'],
  documents: ['id', 'title', 'publisher', 'url', 'publishedAt', 'note', 'text', 'formerIds', 'recorded'],
  claims: ['id', 'text', 'about', 'formerIds', 'recorded'],
  // `document` is shorthand for one appearance (version 1's field, read liberally).
  statements: ['id', 'source', 'claim', 'stance', 'hedged', 'hedge', 'date', 'madeAt', 'quote', 'paraphrase', 'document', 'appearances', 'derivedFrom', 'supersedes', 'formerIds', 'recorded'],
  appearance: ['document', 'quote', 'paraphrase', 'via', 'selector', 'retracted'],
  retraction: ['by', 'date', 'document', 'reason'],
  via: ['source', 'document'],
  selector: ['exact', 'prefix', 'suffix'],
  links: ['type', 'from', 'to', 'linkedBy', 'reason', 'recorded'],
  questions: ['id', 'text', 'hypotheses', 'cells', 'recorded'],
  cell: ['hypothesis', 'statement', 'claim', 'cell', 'reason', 'by', 'at'],
  ratings: ['id', 'source', 'grade', 'reason', 'by', 'at'],
  assessments: ['id', 'claim', 'verdict', 'rating', 'explanation', 'url', 'by', 'at'],
  changes: ['id', 'at', 'by', 'action', 'kind', 'target', 'details'],
} as const;

/** The stances a version 2 bundle may give: the model's, and HEDGES and DOUBTS as shorthand for ASSERTS and DENIES, hedged. */
export const BUNDLE_STANCES = [...STANCES, 'HEDGES', 'DOUBTS'] as const;

/** What a retraction's `by` must be, naming the printing's channels (its publisher first, then its via). */
export function retractionChannels(channels: readonly string[]): string {
  const named = channels.length === 0 ? 'this document names no publisher and the appearance no via' : `here ${channels.map((c) => show(c)).join(', ')}`;
  return `a channel of this printing, its document's publisher or an intermediary in its via (${named}); a speaker taking back their own words is a WITHDRAWS statement`;
}

/** What to do instead of listing another source's statement in `supersedes`. */
export const OTHER_SOURCE_HINT = 'a source that speaks for another, its organisation or spokesperson, supersedes its statements by date, without `supersedes`: docs/MODEL.md, "Who can supersede whom"';

/** Longest assessment URL accepted, as the API's assessClaim (src/analysis/judgements.ts, MAX_URL_LENGTH). */
export const MAX_URL_LENGTH = 2000;
const HTTP_URL = /^https?:\/\/\S+$/i;

/** An absolute http or https URL: the scheme, "//", no blank, at most MAX_URL_LENGTH characters, and one the URL parser accepts. */
export function isHttpUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH || !HTTP_URL.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const shortHash = (parts: readonly unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);

/**
 * The id of a rating given without one: derived from its content, so that
 * importing the same bundle twice finds the same rating instead of adding a
 * second one.
 */
export const derivedRatingId = (r: Pick<RatingRecord, 'source' | 'grade' | 'reason' | 'by' | 'at'>): string => `rating-${shortHash([r.source, r.grade, r.reason, r.by, r.at])}`;

/** The id of an assessment given without one, derived from its content (as {@link derivedRatingId}). */
export const derivedAssessmentId = (a: Pick<AssessmentRecord, 'claim' | 'verdict' | 'rating' | 'explanation' | 'url' | 'by' | 'at'>): string =>
  `assessment-${shortHash([a.claim, a.verdict, a.rating, a.explanation, a.url, a.by, a.at])}`;

/** A rating's key in messages: its id, or when the id was derived, "rating of SOURCE at AT". */
export const ratingKey = (r: RatingRecord): string => (r.id === derivedRatingId(r) ? `rating of ${keyPart(r.source)} at ${keyPart(r.at)}` : r.id);
/** An assessment's key in messages: its id, or when the id was derived, "assessment of CLAIM at AT". */
export const assessmentKey = (a: AssessmentRecord): string => (a.id === derivedAssessmentId(a) ? `assessment of ${keyPart(a.claim)} at ${keyPart(a.at)}` : a.id);

/** The record a problem names (`BundleProblem.id`): its id, or its readable key; undefined when its id is unusable. */
export function recordKey(b: Bundle, section: Section, i: number): string | undefined {
  switch (section) {
    case 'affiliations': {
      const a = b.affiliations[i] as AffiliationRecord;
      return affiliationKey(a.source, a.parent);
    }
    case 'links': {
      const l = b.links[i] as ClaimLinkRecord;
      return linkKey(l.type, l.from, l.to);
    }
    case 'ratings':
      return ratingKey(b.ratings[i] as RatingRecord);
    case 'assessments':
      return assessmentKey(b.assessments[i] as AssessmentRecord);
    default:
      return idFor((b[section][i] as { id: string }).id);
  }
}

// ---------------------------------------------------------------- reading version 2

const isMoment = (text: string): boolean => parsePartialDate(text)?.precision === 'TIME';

/** A required moment (`at`): an ISO 8601 date-time. */
function readMoment(r: RecordReader, field: string): string {
  const v = r.requiredString(field);
  if (v !== '' && !isMoment(v)) r.problem(field, DATE_TIME_FORMS, show(v));
  return v;
}

/** The items of a list field; [] when left out or null, and when it is not a list (after a problem). */
function readList(r: RecordReader, field: string, expected: string): Json[] {
  const v = r.obj[field];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  r.problem(field, expected, show(v));
  return [];
}

/** Appearances read from a statement's `document` shorthand: their problems are reported at that field. */
const fromDocumentField = new WeakSet<AppearanceRecord>();

function readStatement(r: RecordReader): StatementRecord {
  const id = r.requiredString('id');
  const source = r.requiredString('source');
  const claim = r.requiredString('claim');
  // HEDGES is shorthand for ASSERTS, hedged (version 1's stance, and an editor's word); DOUBTS,
  // for DENIES, hedged (the position the API and the docs call a doubt).
  const given = r.oneOfOrNull('stance', BUNDLE_STANCES);
  const hedgedGiven = r.optionalBoolean('hedged');
  const hedge = r.optionalString('hedge');
  const stance: Stance = given === null || given === 'HEDGES' ? 'ASSERTS' : given === 'DOUBTS' ? 'DENIES' : given;
  // Hedged by default when hedging words are given.
  let hedged = hedgedGiven ?? hedge !== null;
  if (given === 'HEDGES' || given === 'DOUBTS') {
    if (hedgedGiven === false) r.problem('hedged', `true or nothing on a ${given} statement (${given} is ${stance}, hedged)`, 'false');
    hedged = true;
  } else if (hedgedGiven === false && hedge !== null) {
    r.problem('hedge', 'no hedging words on a statement with hedged: false', `${show(hedge)} with hedged: false`);
  }
  if (given !== null && !HEDGEABLE_STANCES.includes(stance)) {
    if (hedgedGiven === true) r.problem('hedged', 'hedged only on an ASSERTS or DENIES statement', `true on ${stance}`);
    if (hedge !== null) r.problem('hedge', 'hedging words only on an ASSERTS or DENIES statement', `${show(hedge)} on ${stance}`);
    hedged = false;
  }
  const date = r.optionalPartialDate('date', isPartialDate);
  const madeAt = r.optionalString('madeAt');
  const quote = r.optionalString('quote');
  const paraphrase = r.optionalString('paraphrase');
  const appearances: AppearanceRecord[] = [];
  readList(r, 'appearances', 'a list of appearances {document, quote?, paraphrase?, via?, selector?, retracted?}').forEach((item, j) => {
    if (!isObj(item)) return r.problem(`appearances[${j}]`, 'an appearance {document, quote?, paraphrase?, via?, selector?, retracted?}', show(item));
    appearances.push(readAppearance(r.nested(item, `appearances[${j}]`, FIELDS.appearance)));
  });
  // A version 1 habit, read liberally: `document` is one more appearance, with no words of its own
  // (the statement's quote and paraphrase stand for it), unless an appearance names it already.
  const document = r.optionalString('document');
  if (document !== null && !appearances.some((a) => a.document === document)) {
    const shorthand: AppearanceRecord = { document, quote: null, paraphrase: null, via: [], selector: null };
    fromDocumentField.add(shorthand);
    appearances.push(shorthand);
  }
  if (r.obj.reportedVia !== undefined && r.obj.reportedVia !== null) {
    r.problem(
      'reportedVia',
      'no reportedVia in version 2: a source that carried the words is an appearance\'s `via` ({"document": …, "via": ["source id"]}); an own-voice statement taken from another is `derivedFrom`',
      show(r.obj.reportedVia),
    );
  }
  return {
    id,
    source,
    claim,
    stance,
    hedged,
    hedge,
    date,
    madeAt,
    quote,
    paraphrase,
    appearances,
    derivedFrom: r.optionalString('derivedFrom'),
    supersedes: r.stringList('supersedes'),
    formerIds: r.stringList('formerIds'),
    recorded: r.audit('recorded'),
  };
}

function readAppearance(a: RecordReader): AppearanceRecord {
  const document = a.requiredString('document');
  const quote = a.optionalString('quote');
  const paraphrase = a.optionalString('paraphrase');
  const via: ViaStep[] = [];
  readList(a, 'via', 'a list of intermediaries, outermost first: source ids or {source, document?}').forEach((step, k) => {
    if (isText(step)) via.push({ source: a.wellFormed(`via[${k}]`, step), document: null });
    else if (isObj(step)) {
      const s = a.nested(step, `via[${k}]`, FIELDS.via);
      via.push({ source: s.requiredString('source'), document: s.optionalString('document') });
    } else a.problem(`via[${k}]`, 'a source id, or {source, document?}', show(step));
  });
  let selector: TextQuoteSelector | null = null;
  const raw = a.obj.selector;
  if (isObj(raw)) {
    const s = a.nested(raw, 'selector', FIELDS.selector);
    selector = { exact: s.requiredString('exact'), prefix: s.optionalString('prefix'), suffix: s.optionalString('suffix') };
  } else if (raw !== undefined && raw !== null) {
    a.problem('selector', 'null or a TextQuoteSelector {exact, prefix?, suffix?}', show(raw));
  }
  const appearance: AppearanceRecord = { document, quote, paraphrase, via, selector };
  // Left out when the printing stands: a bundle without the field reads (and fingerprints) as before.
  const rawRetraction = a.obj.retracted;
  if (isObj(rawRetraction)) {
    const t = a.nested(rawRetraction, 'retracted', FIELDS.retraction);
    appearance.retracted = { by: t.requiredString('by'), date: t.optionalPartialDate('date', isPartialDate), document: t.optionalString('document'), reason: t.optionalString('reason') };
  } else if (rawRetraction !== undefined && rawRetraction !== null) {
    a.problem('retracted', 'null or a retraction {by, date?, document?, reason?}: the channel that withdrew this printing (its publisher or an intermediary in `via`)', show(rawRetraction));
  }
  return appearance;
}

function readQuestion(r: RecordReader): QuestionRecord {
  const id = r.requiredString('id');
  const text = r.requiredString('text');
  // Rival hypotheses: at least two distinct claims (the API's rule, src/analysis/ach.ts).
  const hypotheses: string[] = [];
  const raw = r.obj.hypotheses;
  if (!Array.isArray(raw)) r.problem('hypotheses', 'a list of at least 2 distinct claim ids', raw === undefined ? 'nothing' : show(raw));
  else {
    const first = new Map<string, number>();
    let bad = false;
    raw.forEach((h: Json, k) => {
      if (!isText(h)) {
        bad = true;
        return r.problem(`hypotheses[${k}]`, 'a claim id (a non-empty string)', show(h));
      }
      const before = first.get(h);
      if (before !== undefined) {
        bad = true;
        return r.problem(`hypotheses[${k}]`, 'a claim not listed before', `${show(h)} again (as hypotheses[${before}])`);
      }
      first.set(h, k);
      hypotheses.push(r.wellFormed(`hypotheses[${k}]`, h));
    });
    if (!bad && first.size < 2) r.problem('hypotheses', 'at least 2 distinct claim ids (rival hypotheses)', `${first.size} claim id(s)`);
  }
  const cells: AchCellRecord[] = [];
  const seen = new Map<string, number>();
  readList(r, 'cells', 'a list of cells {hypothesis, statement | claim, cell, reason, by, at}').forEach((item, k) => {
    if (!isObj(item)) return r.problem(`cells[${k}]`, 'a cell {hypothesis, statement | claim, cell, reason, by, at}', show(item));
    const c = r.nested(item, `cells[${k}]`, FIELDS.cell);
    const hypothesis = c.requiredString('hypothesis');
    const statement = c.optionalString('statement');
    const claim = c.optionalString('claim');
    // Exactly one is given (a value refused just now was given all the same).
    const givenStatement = item.statement !== undefined && item.statement !== null;
    const givenClaim = item.claim !== undefined && item.claim !== null;
    if (givenStatement === givenClaim) c.problemHere('exactly one of `statement` or `claim` (the evidence)', givenStatement ? 'both' : 'neither');
    const evidence = statement !== null ? { kind: 'STATEMENT' as const, id: statement } : { kind: 'CLAIM' as const, id: claim ?? '' };
    const cell = c.oneOf('cell', ACH_CELLS);
    const reason = c.requiredString('reason');
    const by = c.requiredString('by');
    const at = readMoment(c, 'at');
    if (hypothesis !== '' && evidence.id !== '') {
      // One override per cell: two would contradict each other.
      const key = `${hypothesis}\u0000${evidence.kind}\u0000${evidence.id}`;
      const before = seen.get(key);
      if (before !== undefined) c.problemHere('one cell per hypothesis and evidence', `hypothesis ${show(hypothesis)} and ${evidence.kind.toLowerCase()} ${show(evidence.id)} again (as cells[${before}])`);
      else seen.set(key, k);
    }
    cells.push({ hypothesis, evidence, cell, reason, by, at });
  });
  return { id, text, hypotheses, cells, recorded: r.audit('recorded') };
}

/**
 * Reads a parsed JSON value as a version 2 bundle: every problem of shape,
 * enum, value form and of rules within one record, at its path.
 */
function readV2(input: Json, file?: string): { bundle: Bundle; problems: BundleProblem[] } {
  const problems: BundleProblem[] = [];
  const root: Obj = isObj(input) ? input : {};
  if (!isObj(input)) problems.push(problem('$', 'a JSON object (a claimgraph bundle)', show(input), undefined, file));
  const top = new RecordReader(root, '$', problems, FIELDS.bundle, undefined, file);
  if (root.format !== 'claimgraph-bundle') top.problem('format', '"claimgraph-bundle"', show(root.format));
  if (root.version !== 2) top.problem('version', '1 or 2', show(root.version));
  top.optionalString('description');
  const byId = (raw: Obj) => idFor(raw.id);

  const sources = readSection(root, 'sources', problems, FIELDS.sources, byId, (r): SourceRecord => ({
    // Only where coded: a source without it is the record it always was.
    ...((entity) => (entity === null ? {} : { entity }))(r.optionalString('entity')),
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    kind: r.oneOf('kind', SOURCE_KINDS),
    anonymous: r.requiredBoolean('anonymous'),
    count: r.optionalCount('count'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    formerIds: r.stringList('formerIds'),
    recorded: r.audit('recorded'),
  }), file);
  const affiliations = readSection(root, 'affiliations', problems, FIELDS.affiliations, (raw) => () => affiliationKey(raw.source, raw.parent), (r): AffiliationRecord => ({
    source: r.requiredString('source'),
    parent: r.requiredString('parent'),
    role: r.optionalString('role'),
    recorded: r.audit('recorded'),
  }), file);
  const entities = readSection(root, 'entities', problems, FIELDS.entities, byId, (r): EntityRecord => ({
    id: r.requiredString('id'),
    name: r.requiredString('name'),
    description: r.optionalString('description'),
    aliases: r.stringList('aliases'),
    formerIds: r.stringList('formerIds'),
    recorded: r.audit('recorded'),
  }), file);
  const documents = readSection(root, 'documents', problems, FIELDS.documents, byId, (r): DocumentRecord => ({
    id: r.requiredString('id'),
    title: r.requiredString('title'),
    publisher: r.optionalString('publisher'),
    url: r.optionalString('url'),
    publishedAt: r.optionalPartialDate('publishedAt', isPartialDate),
    note: r.optionalString('note'),
    text: r.optionalString('text'),
    formerIds: r.stringList('formerIds'),
    recorded: r.audit('recorded'),
  }), file);
  const claims = readSection(root, 'claims', problems, FIELDS.claims, byId, (r): ClaimRecord => ({
    id: r.requiredString('id'),
    text: r.requiredString('text'),
    about: r.stringList('about'),
    formerIds: r.stringList('formerIds'),
    recorded: r.audit('recorded'),
  }), file);
  // Version 1's `reportedVia` is read only to be refused with what replaces it (readStatement).
  const statements = readSection(root, 'statements', problems, [...FIELDS.statements, 'reportedVia'], byId, readStatement, file);
  const links = readSection(root, 'links', problems, FIELDS.links, (raw) => () => linkKey(raw.type, raw.from, raw.to), (r): ClaimLinkRecord => ({
    type: r.oneOf('type', CLAIM_LINK_TYPES),
    from: r.requiredString('from'),
    to: r.requiredString('to'),
    linkedBy: r.requiredString('linkedBy'),
    reason: r.requiredString('reason'),
    recorded: r.audit('recorded'),
  }), file);
  const questions = readSection(root, 'questions', problems, FIELDS.questions, byId, readQuestion, file);
  const ratings = readSection(
    root,
    'ratings',
    problems,
    FIELDS.ratings,
    (raw) => (isText(raw.id) ? raw.id : () => `rating of ${keyPart(raw.source)} at ${keyPart(raw.at)}`),
    (r): RatingRecord => {
      const given = r.optionalString('id');
      const rating = { source: r.requiredString('source'), grade: r.oneOf('grade', RELIABILITY_GRADES), reason: r.requiredString('reason'), by: r.requiredString('by'), at: readMoment(r, 'at') };
      return { id: given ?? derivedRatingId(rating), ...rating };
    },
    file,
  );
  const assessments = readSection(
    root,
    'assessments',
    problems,
    FIELDS.assessments,
    (raw) => (isText(raw.id) ? raw.id : () => `assessment of ${keyPart(raw.claim)} at ${keyPart(raw.at)}`),
    (r): AssessmentRecord => {
      const given = r.optionalString('id');
      const claim = r.requiredString('claim');
      const verdict = r.oneOf('verdict', VERDICTS);
      const raw = r.obj.rating;
      const rating = typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : 0;
      if (rating === 0) r.problem('rating', 'an integer from 1 (false) to 5 (true)', raw === undefined ? 'nothing' : show(raw));
      const explanation = r.requiredString('explanation');
      let url = r.optionalString('url');
      if (url !== null && !isHttpUrl(url)) {
        r.problem('url', `an absolute http or https URL of at most ${MAX_URL_LENGTH} characters, or null`, show(url));
        url = null;
      }
      const assessment = { claim, verdict, rating, explanation, url, by: r.requiredString('by'), at: readMoment(r, 'at') };
      return { id: given ?? derivedAssessmentId(assessment), ...assessment };
    },
    file,
  );

  const changes = readSection(root, 'changes', problems, FIELDS.changes, byId, (r): ChangeRecord => {
    const change = {
      id: r.requiredString('id'),
      at: readMoment(r, 'at'),
      by: r.requiredString('by'),
      action: r.oneOf('action', CHANGE_ACTIONS),
      kind: r.requiredString('kind'),
      target: r.requiredString('target'),
      details: r.obj.details,
    };
    // What went is shown as given: any JSON value, but something.
    if (change.details === undefined) r.problem('details', 'what the change removed, as any JSON value', 'nothing');
    return { ...change, details: change.details ?? null };
  }, file);

  const bundle: Bundle = { format: 'claimgraph-bundle', version: 2, sources, affiliations, entities, documents, claims, statements, links, questions, ratings, assessments, changes };
  return { bundle, problems };
}

// ---------------------------------------------------------------- where a record came from

/**
 * One file (or the single bundle) that records of a checked bundle came
 * from. A version 1 file keeps what it was read as, so that its problems
 * are reported at version 1 paths.
 */
export interface BundlePart {
  file?: string;
  v1?: {
    v1: V1Bundle;
    trace: V1Trace;
    /** Problems its shapes had: when it has any, checks of the upgraded records stay quiet (they would restate them). */
    shapeProblems: number;
  };
}

/**
 * Where the records of a checked bundle came from: for record i of a
 * section, the part (file) and its index there. Absent arrays mean one part
 * and the same index.
 */
export interface BundleOrigin {
  parts: BundlePart[];
  part?: Partial<Record<Section, number[]>>;
  index?: Partial<Record<Section, number[]>>;
}

/**
 * The origin of each bundle that checkShapes or a set reader made from
 * something other than one version 2 bundle, so that checkReferences
 * reports at the paths and files the user wrote. Keyed by the bundle object:
 * a caller that copies the bundle gets version 2 paths of the copy.
 */
const origins = new WeakMap<Bundle, BundleOrigin>();

/** Records that `bundle` came from `origin` (bundle-set.ts). */
export function setOrigin(bundle: Bundle, origin: BundleOrigin): void {
  origins.set(bundle, origin);
}

/** A v2 path suffix of an upgraded statement, at the version 1 path it came from. */
function v1StatementPath(trace: V1StatementTrace | undefined, j: number, suffix: string): string {
  if (trace === undefined) return `$.statements[${j}]${suffix}`;
  const at = (i: number | undefined, rest: string) => `$.statements[${i ?? trace.index}]${rest}`;
  const appearance = /^\.appearances\[(\d+)\](.*)$/.exec(suffix);
  if (appearance !== null) {
    const rest = appearance[2] ?? '';
    const field = rest.startsWith('.via') ? '.reportedVia' : /^\.(document|quote|paraphrase)$/.test(rest) ? rest : '';
    return at(trace.appearances[Number(appearance[1])], field);
  }
  const former = /^\.formerIds\[(\d+)\]$/.exec(suffix);
  if (former !== null) return at(trace.formerIds[Number(former[1])], '.id');
  if (suffix === '.hedged') return at(undefined, '.stance');
  if (suffix === '.date') return at(undefined, '.madeAt');
  if (suffix === '.derivedFrom' || suffix.startsWith('.supersedes')) return at(undefined, '');
  return at(undefined, suffix);
}

/** The path of record `j` of `section` as the part (file) holds it, version 1 paths for a version 1 file. */
export function pathIn(part: BundlePart | undefined, section: Section, j: number, suffix: string): string {
  if (part?.v1 !== undefined && section === 'statements') return v1StatementPath(statementTrace(part.v1.trace, j), j, suffix);
  return `$.${section}[${j}]${suffix}`;
}

type Locate = (section: Section, i: number, suffix: string) => { path: string; part: BundlePart | undefined };

function locator(origin: BundleOrigin | undefined): Locate {
  if (origin === undefined) return (section, i, suffix) => ({ path: `$.${section}[${i}]${suffix}`, part: undefined });
  return (section, i, suffix) => {
    const part = origin.parts[origin.part?.[section]?.[i] ?? 0];
    return { path: pathIn(part, section, origin.index?.[section]?.[i] ?? i, suffix), part };
  };
}

/**
 * Where record `i` of `section` of a checked bundle stands in what the user
 * wrote: its path (version 1 paths for a version 1 file) and, in a set, its
 * file. For problems found after the checks (on the graph, by the import).
 */
export function recordPath(bundle: Bundle, section: Section, i: number, suffix: string): { path: string; file?: string } {
  const { path, part } = locator(origins.get(bundle))(section, i, suffix);
  return part?.file === undefined ? { path } : { path, file: part.file };
}

// ---------------------------------------------------------------- shapes, references, both

/**
 * Reads a parsed JSON value as a bundle, collecting every problem of shape,
 * enum, value form and within one record (references are not checked: see
 * {@link checkReferences}). The bundle is always version 2: a version 1
 * bundle is read as version 1 (problems at version 1 paths) and upgraded,
 * and `notes` say what the upgrade did that a user should know.
 */
export function checkShapes(input: Json): { bundle: Bundle; problems: BundleProblem[]; notes: string[] } {
  if (isV1(input)) {
    const { v1, problems } = readV1(input);
    const { bundle, notes, trace } = upgradeV1Traced(v1);
    origins.set(bundle, { parts: [{ v1: { v1, trace, shapeProblems: problems.length } }] });
    return { bundle, problems, notes };
  }
  const { bundle, problems } = readV2(input);
  return { bundle, problems, notes: [] };
}

/** Reads one file of a set (bundle-set.ts): its version 2 records, or its version 1 records as read. */
export function readFile(input: Json, file?: string): { bundle: Bundle; problems: BundleProblem[] } | { v1: V1Bundle; problems: BundleProblem[] } {
  return isV1(input) ? readV1(input, file) : readV2(input, file);
}

/**
 * Checks a parsed JSON value against the bundle format (docs/BUNDLE.md) and
 * returns every problem found, with its path and record: shapes, enums,
 * duplicate ids, references to ids that are neither in the bundle nor in
 * `known`, and the rules across records.
 */
export function checkBundle(input: Json, known: KnownIds = {}): { bundle: Bundle; problems: BundleProblem[]; notes: string[] } {
  const { bundle, problems, notes } = checkShapes(input);
  checkReferences(bundle, known, problems);
  return { bundle, problems, notes };
}

/** Like {@link checkBundle}, but throws one BAD_USER_INPUT error listing every problem. */
export function parseBundle(input: Json, known: KnownIds = {}): Bundle {
  const { bundle, problems } = checkBundle(input, known);
  throwProblems(problems);
  return bundle;
}

/** One problem as a line of text: `path (id "…") in file: expected …, got …`. */
export function formatProblem(p: BundleProblem): string {
  // A single bundle read as a set of one has the file name '': no file to name.
  return `${p.path}${p.id === undefined ? '' : ` (id ${JSON.stringify(p.id)})`}${p.file === undefined || p.file === '' ? '' : ` in ${p.file}`}: expected ${p.expected}, got ${p.got}`;
}

/** Throws one BAD_USER_INPUT error listing `problems` (the first 20), if there are any; `details.problems` holds all. */
export function throwProblems(problems: BundleProblem[]): void {
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `  ${formatProblem(p)}`);
    if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
    const what = problems.some((p) => p.file !== undefined) ? 'The bundle set has' : 'The bundle has';
    throw badInput(`${what} ${problems.length} problem(s):\n${lines.join('\n')}`, { problems });
  }
}

/** The sections whose records have ids, and what one of them is called in messages. */
const ID_SECTIONS = { sources: 'source', entities: 'entity', documents: 'document', claims: 'claim', statements: 'statement', questions: 'question', ratings: 'rating', assessments: 'assessment', changes: 'change' } as const;
type IdSection = keyof typeof ID_SECTIONS;
const WITH_FORMER_IDS = ['sources', 'entities', 'documents', 'claims', 'statements'] as const;

/**
 * Duplicate ids, references to ids neither in the bundle nor in `known`,
 * and the rules across records (docs/BUNDLE.md, "Reference rules"), each
 * reported at its path and appended to `problems`. With {@link checkShapes}
 * it makes {@link checkBundle}, split so that an import reads the records
 * once, asks the graph which referenced ids it holds, and only then checks
 * the references.
 *
 * A reference resolves to a record of the bundle by its id or by one of its
 * `formerIds`. For a bundle read from version 1, the version 1 rules run, at
 * version 1 paths; in a set, the version 2 rules then add what spans files
 * (the upgrade of a valid version 1 bundle breaks no rule of its own).
 */
export function checkReferences(b: Bundle, known: KnownIds, problems: BundleProblem[]): void {
  const origin = origins.get(b);
  const single = origin?.parts.length === 1 ? origin.parts[0]?.v1 : undefined;
  if (single !== undefined) {
    // A single version 1 bundle: its own rules, at its own paths. The upgrade
    // of a valid one breaks no version 2 rule (bundle-v1-upgrade.test.ts
    // checks it over generated bundles); the version 2 pass only adds the
    // rules across the files of a set.
    checkReferencesV1(single.v1, known, problems, origin?.parts[0]?.file);
    return;
  }
  const indexed = indexIds(b);
  const ids = indexed.ids;
  const has = (section: IdSection, id: string): boolean => ids[section].has(id) || (known[section as keyof KnownIds]?.has(id) ?? false);
  if (origin === undefined || origin.parts.every((p) => p.v1 === undefined)) {
    checkAcross(b, indexed, has, problems, locator(origin), () => true);
    return;
  }
  const start = problems.length;
  const quiet = new Set<BundlePart>();
  // Version 1 files: their own rules at their own paths, against every id of the set and the graph.
  const setKnown: KnownIds = {
    sources: { has: (id) => has('sources', id) },
    entities: { has: (id) => has('entities', id) },
    documents: { has: (id) => has('documents', id) },
    claims: { has: (id) => has('claims', id) },
    statements: { has: (id) => has('statements', id) },
  };
  for (const part of origin.parts) {
    if (part.v1 === undefined) continue;
    const before = problems.length;
    checkReferencesV1(part.v1.v1, setKnown, problems, part.file);
    if (part.v1.shapeProblems > 0 || problems.length > before) quiet.add(part);
  }
  const locate = locator(origin);
  const more: BundleProblem[] = [];
  checkAcross(b, indexed, has, more, locate, (section, i) => {
    const part = locate(section, i, '').part;
    return part === undefined || !quiet.has(part);
  });
  // What the version 1 rules said already is not said twice.
  const said = new Set(problems.slice(start).map((p) => `${p.file}\u0000${p.path}\u0000${p.expected}\u0000${p.got}`));
  for (const p of more) if (!said.has(`${p.file}\u0000${p.path}\u0000${p.expected}\u0000${p.got}`)) problems.push(p);
}

/** Per section, each id and former id of the bundle to the index of its record (the first, for a repeated id). */
type IdIndex = Record<IdSection, Map<string, number>>;

/**
 * The ids of a bundle, and what is wrong with them, in one pass: a record
 * whose id an earlier record has (a duplicate), and a former id that is a
 * record's id or a former id listed before (a clash). One map per section,
 * no other copy of the ids.
 */
function indexIds(b: Bundle): { ids: IdIndex; duplicates: [IdSection, number][]; clashes: [IdSection, number, number, 'id' | 'again'][] } {
  const ids = {} as IdIndex;
  const duplicates: [IdSection, number][] = [];
  const clashes: [IdSection, number, number, 'id' | 'again'][] = [];
  for (const section of Object.keys(ID_SECTIONS) as IdSection[]) {
    const map = new Map<string, number>();
    const list = b[section] as { id: string }[];
    for (let i = 0; i < list.length; i++) {
      const id = (list[i] as { id: string }).id;
      if (id === '') continue;
      if (map.has(id)) duplicates.push([section, i]);
      else map.set(id, i);
    }
    ids[section] = map;
  }
  for (const section of WITH_FORMER_IDS) {
    const map = ids[section];
    const list = b[section] as { id: string; formerIds: string[] }[];
    for (let i = 0; i < list.length; i++) {
      const formerIds = (list[i] as { formerIds: string[] }).formerIds;
      for (let j = 0; j < formerIds.length; j++) {
        const f = formerIds[j] as string;
        const at = map.get(f);
        if (at === undefined) map.set(f, i);
        else clashes.push([section, i, j, (list[at] as { id: string }).id === f ? 'id' : 'again']);
      }
    }
  }
  return { ids, duplicates, clashes };
}

/** The interval of a statement's date: its own `date` (said), else the earliest `publishedAt` of its appearances' documents in the bundle. */
function statementDate(b: Bundle, ids: IdIndex, s: StatementRecord): { interval: DateInterval; text: string } | null {
  if (s.date !== null) {
    const interval = parsePartialDate(s.date);
    return interval === null ? null : { interval, text: `said ${s.date}` };
  }
  let best: { interval: DateInterval; text: string } | null = null;
  for (const a of s.appearances) {
    const d = ids.documents.get(a.document);
    const published = d === undefined ? null : (b.documents[d] as DocumentRecord).publishedAt;
    const interval = published === null ? null : parsePartialDate(published);
    if (interval === null) continue;
    if (best === null || interval.end < best.interval.end || (interval.end === best.interval.end && interval.start < best.interval.start)) {
      best = { interval, text: `published ${published}` };
    }
  }
  return best;
}

/** The version 2 rules across records. `include` says whether problems of a record are reported. */
function checkAcross(
  b: Bundle,
  { ids, duplicates, clashes }: ReturnType<typeof indexIds>,
  has: (section: IdSection, id: string) => boolean,
  problems: BundleProblem[],
  locate: Locate,
  include: (section: Section, i: number) => boolean,
): void {
  const report = (section: Section, i: number, suffix: string, expected: string, got: string): void => {
    if (!include(section, i)) return;
    const { path, part } = locate(section, i, suffix);
    problems.push(problem(path, expected, got, recordKey(b, section, i), part?.file));
  };
  const ref = (section: Section, i: number, suffix: string, id: string | null, target: IdSection): void => {
    if (id === null || id === '' || has(target, id)) return;
    const what = ID_SECTIONS[target];
    report(section, i, suffix, `the id of ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} in the bundle or the graph`, `unknown ${what} id ${show(id)}`);
  };
  /** The id a reference stands for: the id of the record it resolves to in the bundle, else itself. */
  const canonical = (section: IdSection, id: string): string => {
    const i = ids[section].get(id);
    return i === undefined ? id : (b[section][i] as { id: string }).id;
  };

  /**
   * A retraction of a printing: by a source, in a document, that exist; by a
   * channel of that printing (the document's publisher or an intermediary in
   * its `via`: only who printed or carried the words can withdraw them); not
   * dated before the document was published.
   */
  const checkRetraction = (i: number, a: AppearanceRecord, d: DocumentRecord | null, at: string): void => {
    const t = a.retracted as Retraction;
    ref('statements', i, `${at}.by`, t.by, 'sources');
    ref('statements', i, `${at}.document`, t.document, 'documents');
    const channels = [...(d === null || d.publisher === null ? [] : [d.publisher]), ...a.via.map((v) => v.source)];
    // A document the graph holds (not in the bundle) has a publisher the validator does not read: then any channel is accepted.
    if (t.by !== '' && d !== null && !channels.some((c) => canonical('sources', c) === canonical('sources', t.by))) {
      report('statements', i, `${at}.by`, retractionChannels(channels), show(t.by));
    }
    const published = d === null || d.publishedAt === null ? null : parsePartialDate(d.publishedAt);
    const retractedAt = t.date === null ? null : parsePartialDate(t.date);
    if (published !== null && retractedAt !== null && strictlyBefore(retractedAt, published)) {
      report('statements', i, `${at}.date`, `a date not before document ${show(a.document)} was published (${d?.publishedAt ?? ''})`, show(t.date));
    }
  };

  // Ids: unique within a section; a former id is no record's id and is listed once.
  for (const [section, i] of duplicates) {
    report(section, i, '.id', `an id not used before in ${section}`, `duplicate id ${show((b[section][i] as { id: string }).id)}`);
  }
  for (const [section, i, j, clash] of clashes) {
    const f = (b[section][i] as { formerIds: string[] }).formerIds[j] as string;
    if (clash === 'id') report(section, i, `.formerIds[${j}]`, `a former id that is no record's id in ${section}`, `${show(f)}, an id in ${section}`);
    else report(section, i, `.formerIds[${j}]`, `a former id not listed before in ${section}`, `${show(f)} again`);
  }

  // Affiliations: a member other than the parent, and a hierarchy without cycles.
  b.affiliations.forEach((a, i) => {
    ref('affiliations', i, '.source', a.source, 'sources');
    ref('affiliations', i, '.parent', a.parent, 'sources');
    if (a.source !== '' && canonical('sources', a.source) === canonical('sources', a.parent)) report('affiliations', i, '.parent', 'a source other than the member', show(a.parent));
  });
  const edges = b.affiliations.map((a) => [canonical('sources', a.source), canonical('sources', a.parent)] as const);
  const component = stronglyConnected(edges);
  edges.forEach(([source, parent], i) => {
    // An edge lies on a cycle exactly when both ends are in one strongly connected component.
    if (source !== parent && component.get(source) === component.get(parent)) {
      const a = b.affiliations[i] as AffiliationRecord;
      report('affiliations', i, '', 'affiliations without a cycle', `${show(a.source)} is, through ${show(a.parent)}, affiliated with itself`);
    }
  });

  b.sources.forEach((s, i) => ref('sources', i, '.entity', s.entity ?? null, 'entities'));
  b.documents.forEach((d, i) => ref('documents', i, '.publisher', d.publisher, 'sources'));
  b.claims.forEach((c, i) => c.about.forEach((e, j) => ref('claims', i, `.about[${j}]`, e, 'entities')));

  // Statements.
  const supersedeEdges: [string, string][] = [];
  b.statements.forEach((s, i) => {
    ref('statements', i, '.source', s.source, 'sources');
    ref('statements', i, '.claim', s.claim, 'claims');
    // Appearances: documents that exist, one appearance per document, intermediaries that exist, words found in the text.
    const firstIn = s.appearances.length > 1 ? new Map<string, number>() : null;
    s.appearances.forEach((a, j) => {
      const at = fromDocumentField.has(a) ? '' : `.appearances[${j}]`;
      ref('statements', i, `${at}.document`, a.document, 'documents');
      if (firstIn !== null && a.document !== '') {
        const key = canonical('documents', a.document);
        const before = firstIn.get(key);
        if (before !== undefined) report('statements', i, `${at}.document`, 'one appearance per document', `${show(a.document)} again (as appearances[${before}])`);
        else firstIn.set(key, j);
      }
      a.via.forEach((step, k) => {
        ref('statements', i, `${at}.via[${k}]`, step.source, 'sources');
        ref('statements', i, `${at}.via[${k}].document`, step.document, 'documents');
      });
      const d = ids.documents.get(a.document);
      if (a.retracted !== undefined) checkRetraction(i, a, d === undefined ? null : (b.documents[d] as DocumentRecord), `${at}.retracted`);
      const text = d === undefined ? null : (b.documents[d] as DocumentRecord).text;
      if (a.selector !== null && a.selector.exact !== '' && text !== null) {
        const { exact, prefix, suffix } = a.selector;
        if (!text.includes(exact)) {
          report('statements', i, `${at}.selector.exact`, `words that occur in the text of document ${show(a.document)}`, `${show(exact)}, not in its text`);
        } else if (!text.includes(`${prefix ?? ''}${exact}${suffix ?? ''}`)) {
          const [given, place] = prefix !== null && suffix !== null ? ['prefix and suffix', 'before and after'] : prefix !== null ? ['prefix', 'before'] : ['suffix', 'after'];
          report('statements', i, `${at}.selector`, `the ${given} given right ${place} the exact words in the text of document ${show(a.document)}`, `${show(exact)} occurs, but not with the ${given} given`);
        }
      }
    });
    // Derivation: another statement.
    if (s.derivedFrom !== null) {
      ref('statements', i, '.derivedFrom', s.derivedFrom, 'statements');
      if (s.derivedFrom === s.id || ids.statements.get(s.derivedFrom) === i) report('statements', i, '.derivedFrom', 'another statement', `the statement itself (${show(s.id)})`);
    }
    // Revision: other statements, by the same source, not dated after this one.
    s.supersedes.forEach((target, k) => {
      const at = `.supersedes[${k}]`;
      ref('statements', i, at, target, 'statements');
      const j = ids.statements.get(target);
      if (target === s.id || j === i) return report('statements', i, at, 'another statement', `the statement itself (${show(s.id)})`);
      if (j === undefined) return;
      const t = b.statements[j] as StatementRecord;
      supersedeEdges.push([String(i), String(j)]);
      if (s.source !== '' && t.source !== '' && canonical('sources', t.source) !== canonical('sources', s.source)) {
        report('statements', i, at, `a statement by the same source (${show(s.source)}; ${OTHER_SOURCE_HINT})`, `${show(target)}, by ${show(t.source)}`);
      }
      const mine = statementDate(b, ids, s);
      const theirs = mine === null ? null : statementDate(b, ids, t);
      if (mine !== null && theirs !== null && strictlyBefore(mine.interval, theirs.interval)) {
        report('statements', i, at, `a statement not dated after this one (${mine.text})`, `${show(target)}, ${theirs.text}`);
      }
    });
  });
  // No derivation loop (each statement derives from at most one: one walk per chain).
  const derivedNext = (i: number): number | undefined => {
    const from = (b.statements[i] as StatementRecord).derivedFrom;
    const j = from === null ? undefined : ids.statements.get(from);
    return j === i ? undefined : j;
  };
  const derived: number[] = [];
  for (let i = 0; i < b.statements.length; i++) if ((b.statements[i] as StatementRecord).derivedFrom !== null) derived.push(i);
  const derivationLoops = nodesOnLoops(derived, derivedNext);
  b.statements.forEach((s, i) => {
    if (derivationLoops.has(i)) report('statements', i, '.derivedFrom', 'a chain of derivations that ends', `a loop back to ${show(s.id)}`);
  });
  // No revision loop: a statement cannot, through what it revises, revise itself.
  if (supersedeEdges.length > 0) {
    const revision = stronglyConnected(supersedeEdges);
    b.statements.forEach((s, i) =>
      s.supersedes.forEach((target, k) => {
        const j = ids.statements.get(target);
        if (j === undefined || j === i || revision.get(String(i)) !== revision.get(String(j))) return;
        report('statements', i, `.supersedes[${k}]`, 'revisions without a loop', `${show(s.id)} supersedes, through ${show(target)}, itself`);
      }),
    );
  }

  // Links: between two claims.
  b.links.forEach((l, i) => {
    ref('links', i, '.from', l.from, 'claims');
    ref('links', i, '.to', l.to, 'claims');
    if (l.from !== '' && canonical('claims', l.from) === canonical('claims', l.to)) report('links', i, '.to', 'a claim other than `from`', show(l.to));
  });

  // Questions: hypotheses are claims; a cell is about one of them and about evidence that exists.
  b.questions.forEach((q, i) => {
    q.hypotheses.forEach((h, k) => ref('questions', i, `.hypotheses[${k}]`, h, 'claims'));
    const hypotheses = new Set(q.hypotheses.map((h) => canonical('claims', h)));
    q.cells.forEach((c, k) => {
      const at = `.cells[${k}]`;
      if (c.hypothesis !== '' && !hypotheses.has(canonical('claims', c.hypothesis))) {
        report('questions', i, `${at}.hypothesis`, `one of the question's hypotheses (${q.hypotheses.map((h) => show(h)).join(', ')})`, show(c.hypothesis));
      }
      if (c.evidence.kind === 'STATEMENT') ref('questions', i, `${at}.statement`, c.evidence.id, 'statements');
      else ref('questions', i, `${at}.claim`, c.evidence.id, 'claims');
    });
  });

  b.ratings.forEach((r, i) => ref('ratings', i, '.source', r.source, 'sources'));
  b.assessments.forEach((a, i) => ref('assessments', i, '.claim', a.claim, 'claims'));
}
