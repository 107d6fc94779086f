/**
 * A synthetic bundle for measuring imports (`npm run bench:import`, the CLI
 * crash test): fictional governments with ministries and officials, news
 * outlets with reporters, families, think tanks with fellows, anonymous
 * groups with head counts; documents published by the outlets; claims whose
 * popularity is skewed (a few claims draw most statements, as in real
 * coverage); sources whose output is skewed too (one wire outlet makes a
 * tenth of all statements, a few more make a lot: the hubs that nested lists
 * must page through); statements with all five stances; reported speech
 * chained within a document and across outlets that quote each other, in
 * both directions (circular reporting: A cites B on a claim, later B cites
 * A on it); and CONTRADICTS / SUPPORTS links.
 *
 * Deterministic: the same `{statements, seed}` always gives the same bundle
 * (a seeded mulberry32 PRNG, no clock, no Math.random). Ids carry the seed,
 * so bundles of different seeds do not overwrite each other. The bundle is
 * complete on its own: `checkBundle(bundle)` reports no problem.
 *
 * Sizes, for `statements` = N: about N/20 sources, N/10 documents, N/4
 * claims, N/40 entities, N/20 links (at least a handful of each).
 */
import type {
  AffiliationRecord,
  Bundle,
  ClaimLinkRecord,
  ClaimRecord,
  DocumentRecord,
  EntityRecord,
  SourceRecord,
  Stance,
  StatementRecord,
} from './model';
import { nameKey } from './names';

export interface SyntheticOptions {
  /** Number of statements (the other sections scale with it). */
  statements: number;
  /** PRNG seed: same seed, same bundle. */
  seed: number;
}

/** mulberry32: a small, fast 32-bit PRNG, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'vi', 'dra', 'sen', 'tol', 'ar', 'bel', 'qu', 'ris', 'na', 'dor', 'ev', 'zan', 'hu', 'mi', 'or', 'sta', 'lin'];
const MINISTRIES = ['Interior', 'Defence', 'Foreign Affairs', 'Health', 'Justice', 'Finance', 'Information'];
const OFFICIAL_ROLES = ['minister', 'spokesperson', 'deputy minister', 'senior official'];
const FAMILY_ROLES = ['mother', 'father', 'brother', 'sister', 'son', 'daughter', 'cousin'];
const COUNT_WORDS = ['Two', 'Three', 'Four', 'Five', 'Six'];
const HEDGES = ['possibly', 'reportedly', 'believes', 'may have', 'allegedly', 'it is unclear whether', 'appears to'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const VERBS = ['ordered', 'funded', 'blocked', 'approved', 'concealed', 'investigated', 'delayed', 'attended', 'denied access to', 'inspected'];
const OBJECTS = ['the convoy', 'the dam project', 'the border crossing', 'the hospital', 'the ceasefire talks', 'the prisoner exchange', 'the aid shipment', 'the raid', 'the election count', 'the port'];
/** Stances with how often each comes, and whether it is hedged (a hedge, a doubt). */
const STANCE_WEIGHTS: [Stance, boolean, number][] = [
  ['ASSERTS', false, 0.5], ['ASSERTS', true, 0.15], ['DENIES', false, 0.12], ['DENIES', true, 0.03], ['WITHDRAWS', false, 0.01],
  ['NO_RESPONSE', false, 0.1], ['NOT_ACKNOWLEDGED', false, 0.09],
];

/** Builds a synthetic bundle; see the module comment. */
export function syntheticBundle(options: SyntheticOptions): Bundle {
  const n = Math.floor(options.statements);
  if (!Number.isFinite(n) || n < 1) throw new RangeError(`statements must be a positive integer, got ${options.statements}`);
  const rand = mulberry32(options.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  const pad = (i: number) => String(i).padStart(6, '0');
  const tag = `syn${options.seed >>> 0}`;

  const usedNames = new Set<string>();
  const word = (): string => {
    const w = Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join('');
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  /** A fictional name whose name key (names.ts) is unique within the bundle: a number is added on a clash. */
  const unique = (name: string): string => {
    let out = name;
    for (let k = 2; usedNames.has(nameKey(out)); k++) out = `${name} ${k}`;
    usedNames.add(nameKey(out));
    return out;
  };
  const usedCountries = new Set<string>();

  const sources: SourceRecord[] = [];
  const affiliations: AffiliationRecord[] = [];
  const source = (name: string, kind: SourceRecord['kind'], extra: Partial<SourceRecord> = {}): SourceRecord => {
    const record: SourceRecord = {
      id: `${tag}-src-${pad(sources.length)}`, name: unique(name), kind, anonymous: false, count: null, description: null, aliases: [], formerIds: [], ...extra,
    };
    sources.push(record);
    return record;
  };
  const affiliate = (member: SourceRecord, parent: SourceRecord, role: string | null) =>
    affiliations.push({ source: member.id, parent: parent.id, role });

  const targetSources = Math.max(24, Math.round(n / 20));
  const governments = Math.max(2, Math.min(6, Math.round(targetSources / 150)));
  const ministries: SourceRecord[] = [];
  const govs: SourceRecord[] = [];
  for (let g = 0; g < governments; g++) {
    let country = word();
    while (usedCountries.has(country)) country = word();
    usedCountries.add(country);
    const gov = source(`Government of ${country}`, 'ORGANIZATION', { aliases: [`${country}n government`] });
    govs.push(gov);
    for (const m of MINISTRIES.slice(0, int(2, 4))) {
      const ministry = source(`${country}n Ministry of ${m}`, 'ORGANIZATION');
      affiliate(ministry, gov, 'ministry');
      ministries.push(ministry);
    }
  }
  const outlets: SourceRecord[] = [];
  const outletCount = Math.max(2, Math.round(targetSources / 25));
  for (let i = 0; i < outletCount; i++) outlets.push(source(`The ${word()} ${pick(['Gazette', 'Herald', 'Post', 'Observer', 'Monitor', 'Times'])}`, 'ORGANIZATION'));
  const tanks: SourceRecord[] = [];
  const tankCount = Math.max(1, Math.round(targetSources / 60));
  for (let i = 0; i < tankCount; i++) tanks.push(source(`${word()} Institute for ${pick(['Security', 'Policy', 'Conflict', 'Peace'])} Studies`, 'ORGANIZATION'));

  // The rest: officials, reporters, families with members, fellows, anonymous groups, individuals.
  while (sources.length < targetSources) {
    const r = rand();
    if (r < 0.3) {
      const ministry = pick(ministries);
      const official = source(`${word()} ${word()}`, 'PERSON', { description: `Official of the ${ministry.name}` });
      affiliate(official, ministry, pick(OFFICIAL_ROLES));
    } else if (r < 0.45) {
      const outlet = pick(outlets);
      affiliate(source(`${word()} ${word()}`, 'PERSON'), outlet, 'reporter');
    } else if (r < 0.6) {
      const surname = word();
      const family = source(`Family of ${word()} ${surname}`, 'GROUP');
      for (let k = int(1, 3); k > 0; k--) affiliate(source(`${word()} ${surname}`, 'PERSON'), family, pick(FAMILY_ROLES));
    } else if (r < 0.7) {
      affiliate(source(`${word()} ${word()}`, 'PERSON'), pick(tanks), pick(['fellow', 'senior fellow', 'director']));
    } else if (r < 0.85) {
      const count = int(2, 6);
      const parent = chance(0.7) ? pick(ministries) : pick(govs);
      const group = source(`${COUNT_WORDS[count - 2]} officials of the ${parent.name} speaking anonymously`, 'GROUP', { anonymous: true, count });
      affiliate(group, parent, 'officials');
    } else if (r < 0.92) {
      source(`Residents of ${word()}`, 'GROUP', { anonymous: true });
    } else {
      source(`${word()} ${word()}`, chance(0.8) ? 'PERSON' : 'UNKNOWN', { anonymous: false });
    }
  }

  const entities: EntityRecord[] = [];
  for (let i = 0, count = Math.max(5, Math.round(n / 40)); i < count; i++) {
    const name = unique(`${pick(['Town of', 'Province of', 'Port of', 'Camp', 'Valley of'])} ${word()}`);
    entities.push({ id: `${tag}-ent-${pad(i)}`, name, description: chance(0.5) ? `A fictional place (synthetic bundle ${options.seed}).` : null, aliases: [], formerIds: [] });
  }

  const documents: DocumentRecord[] = [];
  for (let i = 0, count = Math.max(1, Math.round(n / 10)); i < count; i++) {
    const publisher = chance(0.9) ? pick(outlets) : null;
    documents.push({
      id: `${tag}-doc-${pad(i)}`,
      title: `${pick(OBJECTS).replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())}: report ${i + 1}`,
      publisher: publisher?.id ?? null,
      url: chance(0.8) ? `https://example.org/synthetic/${options.seed}/${i}` : null,
      publishedAt: chance(0.85) ? `20${int(20, 30)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` : null,
      note: chance(0.05) ? 'Synthetic document: the title was supplied by the generator.' : null,
      text: null,
      formerIds: [],
    });
  }

  const claims: ClaimRecord[] = [];
  for (let i = 0, count = Math.max(2, Math.round(n / 4)); i < count; i++) {
    const about = [...new Set(Array.from({ length: int(0, 3) }, () => pick(entities).id))].sort();
    const actor = pick(sources);
    claims.push({ id: `${tag}-claim-${pad(i)}`, text: `${actor.name} ${pick(VERBS)} ${pick(OBJECTS)} (claim ${i + 1}).`, about, formerIds: [] });
  }

  // Skewed popularity: u^3 puts most statements on the first claims.
  const popularClaim = (): ClaimRecord => claims[Math.min(claims.length - 1, Math.floor(claims.length * rand() ** 3))] as ClaimRecord;
  const stance = (): [Stance, boolean] => {
    let r = rand();
    for (const [s, hedged, w] of STANCE_WEIGHTS) if ((r -= w) < 0) return [s, hedged];
    return ['ASSERTS', false];
  };
  // Prolific speakers: the first outlet is a wire service with a tenth of all
  // statements; five more outlets and the governments share another tenth, skewed.
  const wire = outlets[0] as SourceRecord;
  const loud = [...outlets.slice(1, 6), ...govs];
  const speaker = (): SourceRecord => {
    const r = rand();
    if (r < 0.1) return wire;
    if (r < 0.2 && loud.length > 0) return loud[Math.floor(loud.length * rand() ** 2)] as SourceRecord;
    return pick(sources);
  };
  const publisherOf = new Map(documents.map((d) => [d.id, d.publisher]));
  const outletIds = new Set(outlets.map((o) => o.id));

  const statements: StatementRecord[] = [];
  // The latest statement on each claim that a document printed: what another outlet may take up.
  const lastOnClaim = new Map<string, { statement: StatementRecord; document: string }>();
  for (let i = 0; i < n; i++) {
    const [s, hedged] = stance();
    const src = speaker();
    const on = popularClaim();
    const printed = chance(0.95) ? [pick(documents)] : [];
    // One remark, many reports: a tenth of the statements are printed by a second document too.
    if (printed.length > 0 && chance(0.1)) {
      const other = pick(documents);
      if (other.id !== printed[0]?.id) printed.push(other);
    }
    // Reporting through another outlet: the document cites the outlet that
    // printed the latest statement on the claim (a channel, not a speaker);
    // and an outlet asserting in its own voice what another printed first is
    // derived from it (circular reporting, in both directions over time).
    const earlier = lastOnClaim.get(on.id);
    const earlierPublisher = earlier === undefined ? null : (publisherOf.get(earlier.document) ?? null);
    const citing = printed.length > 0 && earlierPublisher !== null && earlierPublisher !== publisherOf.get(printed[0]?.id ?? '') && chance(0.06);
    const derived = outletIds.has(src.id) && s === 'ASSERTS' && earlier !== undefined && earlier.statement.source !== src.id && chance(0.05);
    const quoted = chance(0.4);
    const hedge = hedged ? pick(HEDGES) : null;
    const words = quoted ? `"${hedge === null ? '' : `${hedge[0]?.toUpperCase()}${hedge.slice(1)}, `}${on.text.replace(/ \(claim \d+\)\.$/, '')}" (${s.toLowerCase()})` : null;
    const paraphrase = quoted ? null : `${src.name} ${describeStance(s, hedge)} that ${on.text}`;
    const statement: StatementRecord = {
      id: `${tag}-st-${pad(i)}`,
      source: src.id,
      claim: on.id,
      stance: s,
      hedged,
      hedge,
      date: null,
      madeAt: chance(0.2) ? pick(WEEKDAYS) : null,
      quote: printed.length === 0 ? words : null,
      paraphrase: printed.length === 0 ? paraphrase : null,
      appearances: printed.map((d, k) => ({
        document: d.id,
        quote: words,
        paraphrase,
        via: k === 0 && citing && earlierPublisher !== null ? [{ source: earlierPublisher, document: earlier?.document ?? null }] : [],
        selector: null,
      })),
      derivedFrom: derived ? (earlier?.statement.id ?? null) : null,
      supersedes: [],
      formerIds: [],
    };
    statements.push(statement);
    const first = printed[0];
    if (first !== undefined) lastOnClaim.set(on.id, { statement, document: first.id });
  }

  const links: ClaimLinkRecord[] = [];
  const seen = new Set<string>();
  const wanted = Math.max(2, Math.round(n / 20));
  for (let tries = 0; links.length < wanted && tries < wanted * 10; tries++) {
    const type = chance(0.5) ? 'CONTRADICTS' : 'SUPPORTS';
    const from = popularClaim();
    const to = pick(claims);
    const key = `${type} ${from.id} ${to.id}`;
    if (from.id === to.id || seen.has(key)) continue;
    seen.add(key);
    links.push({
      type, from: from.id, to: to.id, linkedBy: 'synthetic@example.org',
      reason: type === 'CONTRADICTS' ? 'Both cannot be true of the same event.' : 'One follows from the other.',
    });
  }

  return {
    format: 'claimgraph-bundle',
    version: 2,
    sources,
    affiliations,
    entities,
    documents,
    claims,
    statements,
    links,
    questions: [],
    ratings: [],
    assessments: [],
    changes: [],
  };
}

function describeStance(stance: Stance, hedge: string | null): string {
  switch (stance) {
    case 'ASSERTS':
      return hedge === null ? 'said' : `said (${hedge})`;
    case 'DENIES':
      return hedge === null ? 'denied' : `doubted (${hedge})`;
    case 'WITHDRAWS':
      return 'withdrew what it had said';
    case 'NO_RESPONSE':
      return 'did not respond when asked';
    case 'NOT_ACKNOWLEDGED':
      return 'has not acknowledged';
  }
}
