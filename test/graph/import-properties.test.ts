import fc from 'fast-check';
import { exportBundle } from '../../src/graph/export';
import { importBundle } from '../../src/graph/import';
import type { GraphStore } from '../../src/store/port';
import { emptyStore, gql } from '../helpers';
import { v2, type Raw } from './minimal-bundle';

/*
 * The rules of the second edition as properties (issue 10, "Done means"):
 * - permuting the import order of a set of bundles never changes the graph
 *   (names resolve to the group's smallest id, whatever came first);
 * - adding an appearance of an existing statement never changes a count
 *   (every count counts statements, never appearances);
 * - superseding a statement removes it from every count.
 */

const now = '2031-01-01T00:00:00.000Z';
const options = { editor: 'prop-editor', now };

/** Every ordering of `xs`. */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await emptyStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------
// Order independence

/** Spellings of one name: each list shares one name key (names.ts), so they match. */
const PERSON_A = ['Mariam Haddad', 'MARIAM HADDAD', 'Mariam-Haddad'];
const PERSON_B = ['Omar Khalil', 'omar khalil', 'Omar  Khalil'];
const PERSON_C = ['Lena Vogt', 'Léna Vogt', 'LENA VOGT'];
const PLACE = ['Port Amal', 'PORT AMAL', 'port-amal'];
/** Ids to draw from: their order decides which id survives a match. */
const ID_POOL = ['a-1', 'b-2', 'k-7', 'm-0', 'q-3', 'src-x', 'x-9', 'z-5', 'AA', 'zz', 'n-4', 'c-8'];

interface SetCase {
  ids: string[];
  spelling: number[];
  described: boolean[];
}

const setCase: fc.Arbitrary<SetCase> = fc.record({
  ids: fc.uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 8, maxLength: 8 }),
  spelling: fc.array(fc.nat(2), { minLength: 8, maxLength: 8 }),
  described: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

/**
 * Four bundles. A: person A (id 0) and the place (entity 6). B: person B
 * (id 1) and the place again (entity 7). C: a record named as A with B's
 * name as an alias (id 2): it bridges A and B, stored or not. D: person A
 * again (id 3), person C (id 4) under it, an anonymous group named as B
 * (id 5, never matched), and a statement whose appearance names A as its
 * intermediary. Each bundle has its own document, claim and statements; the
 * shared claim is defined alike in every bundle.
 */
function setOf(c: SetCase): Raw[] {
  const [a, b, bridge, a2, person, anonymous, place1, place2] = c.ids as [string, string, string, string, string, string, string, string];
  const spell = (names: string[], i: number) => names[(c.spelling[i] as number) % names.length] as string;
  const described = (i: number, id: string) => (c.described[i] ? `Described in the record ${id}.` : null);
  const shared = { id: 'claim-shared', text: 'The port was closed.', about: [] };
  const part = (k: number, sources: Raw[], extra: Raw = {}) =>
    v2({
      sources,
      documents: [{ id: `doc-${k}`, title: `Report ${k}`, publishedAt: `2025-0${k + 1}-01` }],
      claims: [shared, { id: `claim-${k}`, text: `Claim ${k} about the port.`, about: extra.about ?? [] }],
      statements: sources.map((s, j) => ({
        id: `st-${k}-${j}`, source: s.id, claim: j % 2 === 0 ? 'claim-shared' : `claim-${k}`, stance: j === 1 ? 'DENIES' : 'ASSERTS',
        appearances: [{ document: `doc-${k}`, via: extra.via ?? [] }],
      })),
      entities: extra.entities ?? [],
      affiliations: extra.affiliations ?? [],
    });
  return [
    part(0, [{ id: a, name: spell(PERSON_A, 0), kind: 'PERSON', anonymous: false, description: described(0, a) }], { entities: [{ id: place1, name: spell(PLACE, 6), description: described(6, place1) }], about: [place1] }),
    part(1, [{ id: b, name: spell(PERSON_B, 1), kind: 'PERSON', anonymous: false, description: described(1, b) }], { entities: [{ id: place2, name: spell(PLACE, 7), description: described(7, place2) }], about: [place2] }),
    part(2, [{ id: bridge, name: spell(PERSON_A, 2), kind: 'PERSON', anonymous: false, aliases: [spell(PERSON_B, 3)], description: described(2, bridge) }]),
    part(
      3,
      [
        { id: a2, name: spell(PERSON_A, 3), kind: 'PERSON', anonymous: false, description: described(3, a2) },
        { id: person, name: spell(PERSON_C, 4), kind: 'PERSON', anonymous: false, description: described(4, person) },
        { id: anonymous, name: spell(PERSON_B, 5), kind: 'GROUP', anonymous: true, count: 2 },
      ],
      { affiliations: [{ source: person, parent: a2 }], via: [a2] },
    ),
  ];
}

describe('order independence', () => {
  it('imports a set of four bundles in every order to byte-identical exports and the same possible duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(setCase, async (c) => {
        const bundles = setOf(c);
        const results = new Set<string>();
        let first: Awaited<ReturnType<typeof exportBundle>> | undefined;
        for (const order of permutations([0, 1, 2, 3])) {
          const text = await withStore(async (store) => {
            for (const i of order) await importBundle(store, bundles[i], options);
            const exported = await exportBundle(store);
            first ??= exported;
            const [duplicates] = await store.read('possible-duplicates-page', { label: null, afterKey: null, limit: 1000 });
            return JSON.stringify({ exported, duplicates: duplicates?.page });
          });
          results.add(text);
        }
        expect(results.size).toBe(1);

        // And the one graph is the one the rules give, worked out from the records.
        const [a, b, bridge, a2, person, anonymous, place1, place2] = c.ids as string[];
        const group = [a, b, bridge, a2] as string[];
        const survivor = [...group].sort()[0] as string;
        const records = bundles.flatMap((x) => x.sources as Raw[]);
        const own = records.find((r) => r.id === survivor) as Raw;
        const names = new Set(records.filter((r) => group.includes(r.id)).flatMap((r) => [r.name, ...(r.aliases ?? [])]));
        names.delete(own.name);
        const describedIds = records.filter((r) => group.includes(r.id) && r.description !== null).map((r) => r.id as string).sort();
        const merged = first!.sources.find((s) => s.id === survivor);
        expect(merged).toMatchObject({
          name: own.name,
          aliases: [...names].sort(),
          description: describedIds.length === 0 ? null : `Described in the record ${describedIds[0]}.`,
          formerIds: group.filter((id) => id !== survivor).sort(),
        });
        // Person C and the anonymous group stay apart: three sources in all.
        expect(first!.sources.map((s) => s.id).sort()).toEqual([survivor, person, anonymous].sort());
        expect(first!.affiliations).toEqual([expect.objectContaining({ source: person, parent: survivor })]);
        // The intermediary is written as the id it resolves to now.
        expect(first!.statements.find((s) => s.id === 'st-3-0')?.appearances[0]?.via).toEqual([{ source: survivor, document: null }]);
        const placeId = [place1, place2].sort()[0];
        expect(first!.entities.map((e) => [e.id, e.formerIds])).toEqual([[placeId, [place1, place2].filter((id) => id !== placeId)]]);
      }),
      // 4 sets, each imported in all 24 orders into 24 fresh stores (96 stores): cut from 6, the file's
      // largest share; every order of every set is still compared, and a new random seed each run.
      { numRuns: 4 },
    );
  }, 240_000);
});

// ---------------------------------------------------------------------------
// A small random graph for the count properties

const STANCES = ['ASSERTS', 'DENIES', 'WITHDRAWS', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'] as const;
const SILENCES: readonly string[] = ['NO_RESPONSE', 'NOT_ACKNOWLEDGED'];
const DATES = [null, '2024-01', '2024-03-05', '2024-03', '2024-06-10T12:00Z', '2024-06-10'] as const;
const CLAIMS = ['c0', 'c1', 'c2'];
const SOURCES: Raw[] = [
  { id: 's0', name: 'Example Ministry', kind: 'ORGANIZATION', anonymous: false },
  { id: 's1', name: 'Example Spokesman Dana Roe', kind: 'PERSON', anonymous: false },
  { id: 's2', name: 'Example Watch', kind: 'ORGANIZATION', anonymous: false },
  { id: 's3', name: 'Two residents speaking anonymously', kind: 'GROUP', anonymous: true, count: 2 },
];
const LINKS: Raw[] = [
  { type: 'CONTRADICTS', from: 'c0', to: 'c1', linkedBy: 'prop-editor', reason: 'Not both.' },
  { type: 'IMPLIES', from: 'c2', to: 'c0', linkedBy: 'prop-editor', reason: 'The one entails the other.' },
  { type: 'SUPPORTS', from: 'c1', to: 'c2', linkedBy: 'prop-editor', reason: 'Makes it likelier.' },
];

interface StatementCase {
  source: number;
  claim: number;
  stance: (typeof STANCES)[number];
  hedged: boolean;
  date: (typeof DATES)[number];
  document: 'd0' | 'd1' | null;
  derive: number | null;
}

const statementCase: fc.Arbitrary<StatementCase> = fc.record({
  source: fc.nat(3),
  claim: fc.nat(2),
  stance: fc.constantFrom(...STANCES),
  hedged: fc.boolean(),
  date: fc.constantFrom(...DATES),
  document: fc.constantFrom('d0' as const, 'd1' as const, null),
  derive: fc.option(fc.nat(10), { nil: null }),
});

interface GraphCase {
  affiliated: boolean;
  links: Raw[];
  published: string | null;
  statements: StatementCase[];
}

const graphCase: fc.Arbitrary<GraphCase> = fc.record({
  affiliated: fc.boolean(),
  links: fc.subarray(LINKS),
  published: fc.constantFrom(null, '2024-02-01', '2024-07'),
  statements: fc.array(statementCase, { minLength: 2, maxLength: 7 }),
});

const statementRecord = (s: StatementCase, i: number): Raw => {
  const hedgeable = s.stance === 'ASSERTS' || s.stance === 'DENIES';
  return {
    id: `t${i}`,
    source: `s${s.source}`,
    claim: CLAIMS[s.claim],
    stance: s.stance,
    hedged: hedgeable && s.hedged,
    ...(hedgeable && s.hedged ? { hedge: 'possibly' } : {}),
    date: s.date,
    appearances: s.document === null ? [] : [{ document: s.document, quote: `Words ${i}.` }],
    // Only from an earlier statement: derivations never loop.
    derivedFrom: s.derive === null || i === 0 ? null : `t${s.derive % i}`,
  };
};

function graphBundle(g: GraphCase): Raw {
  return v2({
    sources: SOURCES,
    affiliations: g.affiliated ? [{ source: 's1', parent: 's0', role: 'spokesman' }] : [],
    entities: [{ id: 'e0', name: 'Example Town' }],
    documents: [
      { id: 'd0', title: 'First report', publishedAt: g.published },
      { id: 'd1', title: 'Second report' },
    ],
    claims: CLAIMS.map((id) => ({ id, text: `Claim ${id} about the town.`, about: ['e0'] })),
    statements: g.statements.map(statementRecord),
    links: g.links,
    questions: [{ id: 'q', text: 'Which is it?', hypotheses: ['c0', 'c1', 'c2'] }],
  });
}

/** Every field of Claim.corroboration (lists as the API sorts them: the query's own order is the engine's). */
const CORROBORATION = `assertingSources independentSources anonymousSources impliedSources implied { source { id } through { id } }
  hedgingSources denyingSources doubtingSources withdrawnSources contradictedBy opposingIndependentSources
  clusters { sources { id } merges { sources { id } reasons sharedParents { id } sharedOrigins { id } explanation } }
  opposingClusters { sources { id } merges { sources { id } reasons sharedParents { id } sharedOrigins { id } explanation } }`;

/**
 * Every count a reader sees: corroboration, status and credibility of each
 * claim, the conflicts, the entity's timeline (one entry per statement; it
 * shows superseded ones too, so it can be left out), the ACH matrix (ranks,
 * scores, evidence) and which statements are current.
 */
/**
 * The facts credibility gives for a source that came round to a claim it was against: an
 * admission after a denial (docs/ANALYSIS.md, rule 4) or a revised account (rule 5).
 */
const ADMISSION = /in a statement that supersedes one against it|organisation denied or doubted it before \(an admission\)/;

/** One claim's credibility in an answer of `counts`, to be edited in place. */
function credibilityOf(answer: unknown, claim: string): { grade: number; facts: string[] } {
  return ((answer as { api: Record<string, { credibility: { grade: number; facts: string[] } }> }).api[claim] as { credibility: { grade: number; facts: string[] } }).credibility;
}

async function counts(store: GraphStore, options: { dropRevisionsOf?: string; dropStatement?: string; timeline?: boolean } = {}): Promise<unknown> {
  const [conflicts] = await store.read('conflicts-page', { claimId: null, sourceId: null, afterClaim: null, afterOpposing: null, afterStatement: null, limit: 1000 });
  // The sides are sets: sorted, as the API sorts them.
  const page = ((conflicts?.page ?? []) as Raw[])
    .filter((r) => options.dropRevisionsOf === undefined || r.earlier !== options.dropRevisionsOf)
    .map((r) => ({ ...r, sources: [...(r.sources as string[])].sort(), opposingSources: [...(r.opposingSources as string[])].sort() }));
  const api = await gql(
    store,
    `{ ${CLAIMS.map((id) => `${id}: claim(id: "${id}") { status credibility { grade facts } corroboration { ${CORROBORATION} } }`).join(' ')}
       question(id: "q") { matrix { hypotheses { claim { id } rank inconsistency consistency } evidence { kind statement { id } claim { id } cells { cell } } } }
       ${options.timeline === false ? '' : 'entity(id: "e0") { timeline(first: 100) { totalCount } }'} }`,
  );
  expect(api.errors).toBeUndefined();
  const ids = (await exportBundle(store)).statements.map((s) => s.id).filter((id) => id !== options.dropStatement);
  const positions = (await store.read('statements-by-ids', { ids })).map((r) => {
    const st = r.statement as Raw;
    return [st.id, st.current, st.supersededBy];
  });
  return { conflicts: page, api: api.data, positions };
}

describe('adding an appearance of an existing statement', () => {
  it('never changes any count: not corroboration, status, credibility, conflicts, the timeline nor ACH', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphCase,
        fc.nat(20),
        fc.subarray(['s0', 's1', 's2', 's3']),
        fc.constantFrom(null, '2023-01-01', '2026-05-05'),
        async (g, pick, via, published) => {
          await withStore(async (store) => {
            const bundle = graphBundle(g);
            await importBundle(store, bundle, options);
            const before = await counts(store);
            const statements = bundle.statements as Raw[];
            const target = statements[pick % statements.length] as Raw;
            // An appearance dates an undated statement by its document (docs/MODEL.md, "Dates"), which can
            // reorder the source's statements: that is a new fact, not a reprint. A reprint adds a document
            // without a date, or any document to a statement said on a date of its own.
            const reprint = target.date === null ? null : published;
            const report = await importBundle(
              store,
              v2({
                documents: [{ id: 'd-new', title: 'A reprint', publishedAt: reprint }],
                statements: [{ ...target, appearances: [...(target.appearances as Raw[]), { document: 'd-new', paraphrase: 'Reprinted.', via }] }],
              }),
              options,
            );
            expect(report.statements).toEqual({ created: 0, updated: 1, unchanged: 0 });
            expect(await counts(store)).toEqual(before);
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);
});

describe('an appearance that dates an undated statement', () => {
  it('places it in time (basis PUBLISHED), so a later statement of its source may then supersede it', async () => {
    await withStore(async (store) => {
      const statements = [
        { id: 't0', source: 's0', claim: 'c0', stance: 'ASSERTS', appearances: [{ document: 'd1' }] },
        { id: 't1', source: 's0', claim: 'c0', stance: 'DENIES', date: '2024-03-05' },
      ];
      await importBundle(store, v2({ sources: SOURCES, documents: [{ id: 'd1', title: 'Undated' }], claims: [{ id: 'c0', text: 'Claim c0.' }], statements }), options);
      const ask = async () => (await gql(store, `{ claim(id: "c0") { corroboration { assertingSources denyingSources } } }`)).data;
      // Undated, t0 cannot be ordered against t1: both count (docs/MODEL.md, "Positions over time").
      expect(await ask()).toEqual({ claim: { corroboration: { assertingSources: 1, denyingSources: 1 } } });
      await importBundle(
        store,
        v2({ documents: [{ id: 'd-early', title: 'Printed earlier', publishedAt: '2023-01-01' }], statements: [{ ...statements[0], appearances: [{ document: 'd1' }, { document: 'd-early' }] }] }),
        options,
      );
      // Said no later than 2023-01-01, strictly before t1: rule 2 supersedes it.
      expect(await ask()).toEqual({ claim: { corroboration: { assertingSources: 0, denyingSources: 1 } } });
    });
  });
});

describe('superseding a statement', () => {
  const silent = (stance: string) => SILENCES.includes(stance);

  it('removes it from every count: the graph counts as if only the later statement had been made', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphCase,
        fc.nat(3),
        fc.nat(2),
        fc.constantFrom('ASSERTS', 'DENIES', 'NO_RESPONSE', 'NOT_ACKNOWLEDGED'),
        fc.constantFrom(...STANCES),
        fc.boolean(),
        fc.boolean(),
        async (g, source, claim, oldStance, newStance, oldHedged, newHedged) => {
          // Rule 2: a later silence supersedes only an earlier silence.
          fc.pre(!silent(newStance) || silent(oldStance));
          const hedge = (stance: string, hedged: boolean) => (stance === 'ASSERTS' || stance === 'DENIES') && hedged;
          // The earlier statement is dated before every other one and is no withdrawal, so it supersedes
          // nothing (rules 2–4 need it strictly after, or a withdrawal); the later one after every other.
          const old = { id: 'x-old', source: `s${source}`, claim: CLAIMS[claim], stance: oldStance, hedged: hedge(oldStance, oldHedged), date: '1999-01-01' };
          const later = { id: 'x-new', source: `s${source}`, claim: CLAIMS[claim], stance: newStance, hedged: hedge(newStance, newHedged), date: '2030-01-01' };
          const bundle = graphBundle(g);
          const withBoth = await withStore(async (store) => {
            await importBundle(store, bundle, options);
            await importBundle(store, v2({ statements: [old, later] }), options);
            expect((await store.read('statements-by-ids', { ids: ['x-old'] }))[0]?.statement).toMatchObject({ current: false });
            // Its revision stays visible (a REVISION conflict, a timeline entry), but counts nowhere.
            return counts(store, { dropRevisionsOf: 'x-old', dropStatement: 'x-old', timeline: false });
          });
          const withLaterOnly = await withStore(async (store) => {
            await importBundle(store, bundle, options);
            await importBundle(store, v2({ statements: [later] }), options);
            return counts(store, { timeline: false });
          });
          // One trace is meant to remain: a statement against a claim that its source (or one speaking
          // for it) later turns into a firm assertion of the claim is an admission, which credibility
          // names and may weigh (docs/ANALYSIS.md, rules 4 and 5). The superseder need not be the later
          // statement here: another of the source's statements, on a contradicting claim, can be it.
          // Everything else counts as if only the later statement had been made.
          if (oldStance === 'DENIES' && newStance === 'ASSERTS' && !hedge(newStance, newHedged)) {
            // The source turned its own denial into a firm assertion of the same claim: named as an admission.
            expect(credibilityOf(withBoth, CLAIMS[claim] as string).facts.some((f) => ADMISSION.test(f))).toBe(true);
          }
          for (const id of CLAIMS) {
            const both = credibilityOf(withBoth, id);
            const laterOnly = credibilityOf(withLaterOnly, id);
            const admitted = both.facts.some((f) => ADMISSION.test(f)) && !laterOnly.facts.some((f) => ADMISSION.test(f));
            both.facts = both.facts.filter((f) => !ADMISSION.test(f));
            laterOnly.facts = laterOnly.facts.filter((f) => !ADMISSION.test(f));
            // The admission lifts one asserting cluster with nothing against it, from 3 or 2 to 2 or 1,
            // and nothing else.
            if (admitted && both.grade !== laterOnly.grade) {
              expect([1, 2]).toContain(both.grade);
              expect([2, 3]).toContain(laterOnly.grade);
              expect(both.grade).toBeLessThan(laterOnly.grade);
              both.grade = laterOnly.grade;
            }
          }
          expect(withBoth).toEqual(withLaterOnly);
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);
});
