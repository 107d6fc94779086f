import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBundle } from '../../src/graph/bundle';
import { SUPPORTING_STANCES, type ClaimRecord, type SourceRecord, type Stance, type StatementRecord } from '../../src/graph/model';
import { projectRoot } from '../../src/paths';

// The seed must say what the report says, no more and no less. Every rule
// below is checked against the report's text, not against a copy of the seed.

const ROOT = projectRoot();
const REPORT = readFileSync(join(ROOT, 'seed', 'dumayr-report.txt'), 'utf8');
const RAW: unknown = JSON.parse(readFileSync(join(ROOT, 'seed', 'dumayr.bundle.json'), 'utf8'));
const { bundle, problems } = checkBundle(RAW);
const { sources, claims, statements, entities, affiliations, documents } = bundle;

/** The people the report names. */
const NAMED_PEOPLE = ['Sabah al-Sheikh al-Kilani', 'Khaled al-Masoud', 'Wassim Nasr', 'Emily Tripp', 'Ahmad al-Sharaa'];
/** The report's hedging words. */
const HEDGES = ['believes', 'possibly', 'could', 'suggesting', 'estimated'];
/** Text between quotation marks in the report. */
const QUOTED_SPANS = [...REPORT.matchAll(/["“]([^"“”]*)["”]/g)].map((m) => m[1] ?? '');
const YEAR = /\b(1[6-9]\d\d|20\d\d)\b/g;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const hasWord = (text: string, word: string): boolean => new RegExp(`\\b${escape(word)}\\b`).test(text);

/** The one record whose name (or text) matches; fails if there are none or several. */
function only<T>(list: T[], field: (t: T) => string, match: string | RegExp): T {
  const found = list.filter((t) => (typeof match === 'string' ? field(t) === match : match.test(field(t))));
  expect(found.map(field)).toHaveLength(1);
  return found[0] as T;
}
const sourceNamed = (match: string | RegExp): SourceRecord => only(sources, (s) => s.name, match);
const claimSaying = (match: RegExp): ClaimRecord => only(claims, (c) => c.text, match);
const statementsBy = (source: SourceRecord): StatementRecord[] => statements.filter((s) => s.source === source.id);
const sourcesOn = (claim: ClaimRecord, stances: readonly Stance[]): string[] =>
  [...new Set(statements.filter((s) => s.claim === claim.id && stances.includes(s.stance)).map((s) => s.source))].sort();

describe('the report copy', () => {
  test('is byte-identical to ../shared/seed-article.txt', () => {
    const original = resolve(ROOT, '..', 'shared', 'seed-article.txt');
    if (!existsSync(original)) {
      console.warn(`Skipped comparing seed/dumayr-report.txt with ${original}: that file does not exist here.`);
      return;
    }
    expect(readFileSync(join(ROOT, 'seed', 'dumayr-report.txt')).equals(readFileSync(original))).toBe(true);
  });
});

describe('the seed bundle', () => {
  test('validates with no problem', () => {
    expect(problems).toEqual([]);
  });

  test('has one document whose publisher, url and date are unknown, as in the report', () => {
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ publisher: null, url: null, publishedAt: null });
  });

  test('names no year the report does not name', () => {
    const reportYears = [...new Set(REPORT.match(YEAR))].sort();
    expect(reportYears).toEqual(['2020', '2023']);
    const bundleYears = new Set(JSON.stringify(RAW).match(YEAR));
    expect([...bundleYears].filter((y) => !reportYears.includes(y))).toEqual([]);
  });
});

describe('quotes and hedges are the report’s own words', () => {
  test('the report’s quotation marks pair up', () => {
    expect((REPORT.match(/"/g) ?? []).length % 2).toBe(0);
  });

  test('every quote appears verbatim inside quotation marks in the report', () => {
    const quotes = statements.flatMap((s) => (s.quote === null ? [] : [s.quote]));
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => !QUOTED_SPANS.some((span) => span.includes(q)))).toEqual([]);
  });

  test('every passage the report quotes is the quote of some statement', () => {
    const quotes = statements.flatMap((s) => (s.quote === null ? [] : [s.quote]));
    expect(QUOTED_SPANS.filter((span) => !quotes.some((q) => span.includes(q)))).toEqual([]);
  });

  test('every hedge is a word of the report, on a HEDGES statement whose paraphrase carries it', () => {
    const hedged = statements.filter((s) => s.hedge !== null);
    expect(hedged.filter((s) => s.stance !== 'HEDGES').map((s) => s.id)).toEqual([]);
    expect(hedged.filter((s) => !hasWord(REPORT, s.hedge ?? '') || !hasWord(s.paraphrase ?? '', s.hedge ?? '')).map((s) => s.id)).toEqual([]);
  });

  test('every HEDGES statement keeps its hedging words', () => {
    expect(statements.filter((s) => s.stance === 'HEDGES' && s.hedge === null).map((s) => s.id)).toEqual([]);
  });

  test.each(HEDGES)('the report’s hedge "%s" is on some HEDGES statement', (word) => {
    expect(hasWord(REPORT, word)).toBe(true);
    expect(statements.some((s) => s.stance === 'HEDGES' && s.hedge === word)).toBe(true);
  });
});

describe('sources are the report’s sources', () => {
  test.each(NAMED_PEOPLE)('%s, named in the report, is a PERSON source', (name) => {
    expect(REPORT).toContain(name);
    expect(sourceNamed(name).kind).toBe('PERSON');
  });

  test('every PERSON source is named verbatim in the report', () => {
    expect(sources.filter((s) => s.kind === 'PERSON' && !REPORT.includes(s.name)).map((s) => s.name)).toEqual([]);
  });

  test('no anonymous source carries a personal name', () => {
    const people = sources.filter((s) => s.kind === 'PERSON');
    const personal = [...NAMED_PEOPLE, ...people.flatMap((p) => [p.name, ...p.aliases, p.name.split(' ').pop() ?? p.name])];
    const named = sources.filter((s) => s.anonymous && personal.some((n) => s.name.toLowerCase().includes(n.toLowerCase())));
    expect(named.map((s) => s.name)).toEqual([]);
  });

  test('the three officials speaking anonymously are anonymous, counted 3', () => {
    expect(REPORT).toContain('three Syrian officials speaking anonymously');
    expect(sourceNamed(/three Syrian officials/i)).toMatchObject({ anonymous: true, count: 3 });
  });

  test('every source makes a statement or takes part in an affiliation', () => {
    const used = new Set([...statements.map((s) => s.source), ...affiliations.flatMap((a) => [a.source, a.parent])]);
    expect(sources.filter((s) => !used.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});

describe('silences are recorded', () => {
  test('the SFA representatives did not respond', () => {
    expect(REPORT).toMatch(/Representatives of the SFA did not respond/);
    expect(statementsBy(sourceNamed(/^Representatives of the (SFA|Syrian Free Army)$/)).map((s) => s.stance)).toContain('NO_RESPONSE');
  });

  test('US and Syrian government officials have not acknowledged the same claim', () => {
    expect(REPORT).toMatch(/not been publicly acknowledged by US or Syrian government officials/);
    const onClaims = (name: RegExp) => statementsBy(sourceNamed(name)).filter((s) => s.stance === 'NOT_ACKNOWLEDGED').map((s) => s.claim);
    const us = onClaims(/^US government officials$/);
    expect(us).toHaveLength(1);
    expect(onClaims(/^Syrian government officials$/)).toEqual(us);
  });
});

describe('who said what, through whom', () => {
  test('Khaled al-Masoud’s words reach the report only through his mother', () => {
    const mothers = new Set(statementsBy(sourceNamed('Sabah al-Sheikh al-Kilani')).map((s) => s.id));
    const his = statementsBy(sourceNamed('Khaled al-Masoud'));
    expect(his.length).toBeGreaterThan(0);
    expect(his.filter((s) => s.reportedVia === null || !mothers.has(s.reportedVia)).map((s) => s.id)).toEqual([]);
  });

  test('only the unattributed initial assumptions hold he was an IS official; the report denies it', () => {
    expect(REPORT).toContain('Contrary to initial assumptions, al-Masoud was not an IS official.');
    const isOfficial = claimSaying(/was an (IS|Islamic State) official/);
    expect(sourcesOn(isOfficial, SUPPORTING_STANCES)).toEqual([sourceNamed(/initial assumptions/i).id]);
    expect(sourcesOn(isOfficial, ['DENIES'])).toContain(sourceNamed(/^The report\b/).id);
  });

  test('the family and the three officials, not Airwars, say he worked undercover against IS', () => {
    const supporters = sourcesOn(claimSaying(/undercover against/), SUPPORTING_STANCES);
    expect(supporters).toEqual(expect.arrayContaining([sourceNamed(/^Family of/).id, sourceNamed(/three Syrian officials/i).id]));
    expect(supporters).not.toContain(sourceNamed('Airwars').id);
  });

  test('every claim has at least one statement', () => {
    const stated = new Set(statements.map((s) => s.claim));
    expect(claims.filter((c) => !stated.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  test('every entity is something a claim is about', () => {
    const about = new Set(claims.flatMap((c) => c.about));
    expect(entities.filter((e) => !about.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});
