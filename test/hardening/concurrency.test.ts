import { GrafeoDB } from '@grafeo-db/js';
import { checkBundle } from '../../src/graph/bundle';
import { exportBundle, type BundleJson } from '../../src/graph/export';
import type { AccessMode, GraphStore, Params, QueryRunner, Row } from '../../src/store/port';
import { mapEmbeddedError } from '../../src/store/embedded-store';
import type { QueryName } from '../../src/store/queries';
import { gql, RecordingStore, seededStore, type GqlResult } from '../helpers';
import { counts } from './support';

/*
 * Concurrent editors on the embedded engine: conflicting mutations on the
 * same claim (or source) sent at once, several rounds each on a fresh seeded
 * store. Every mutation must succeed or fail with CONFLICT or NOT_FOUND (or,
 * where a concurrent delete or merge removed what it refers to, with the
 * BAD_USER_INPUT a dangling reference gets anyway); never INTERNAL.
 *
 * The store is wrapped to record the writes that committed, in commit
 * order. The final graph must be what replaying exactly those writes one
 * after the other gives (each field holds its last committed write, one
 * writer's values together), and consistent: its export is a valid bundle,
 * every statement is made by exactly one source on exactly one claim, no
 * link or affiliation is doubled, and the node counts agree with the export.
 */

const ROUNDS = 5;
let scenarios = 0;
let mutations = 0;
const outcomes = new Map<string, number>();
afterAll(() => console.log(`concurrency: ${scenarios} scenario rounds, ${mutations} concurrent mutations; outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`));

/** A write transaction that committed: the queries it ran, in order (the last attempt's, if it was retried). */
type Commit = { name: QueryName; params: Params }[];

/** The real store, recording every committed write transaction in the order they committed. */
class CommitLog extends RecordingStore {
  readonly commits: Commit[] = [];
  override async transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    let ran: Commit = [];
    const result = await super.transaction(mode, (tx) => {
      ran = [];
      return work({ run: (name: QueryName, params: Params = {}): Promise<Row[]> => (ran.push({ name, params }), tx.run(name, params)) });
    });
    if (mode === 'WRITE') this.commits.push(ran);
    return result;
  }
  /** The rows every committed transaction sent to any of `queries`, in commit order. */
  rowsOf(...queries: QueryName[]): Record<string, unknown>[] {
    return this.commits.flatMap((c) => c.filter((q) => queries.includes(q.name)).flatMap((q) => (q.params.rows ?? []) as Record<string, unknown>[]));
  }
}

/** The list turned left by `by` places: each round sends the same operations in another order. */
const rotate = <T>(xs: T[], by: number): T[] => xs.map((_, i) => xs[(i + by) % xs.length]!);

/** Sends every operation at once; returns their results in the order given. */
async function together(store: GraphStore, ops: { query: string; variables?: Record<string, unknown>; editor: string }[]): Promise<GqlResult[]> {
  mutations += ops.length;
  return Promise.all(ops.map((op) => gql(store, op.query, op.variables ?? {}, op.editor)));
}

const codeOf = (r: GqlResult): string => (r.errors === undefined ? 'ok' : [...new Set(r.errors.map((e) => String(e.extensions?.code)))].join('+'));

/** Every result succeeded or failed with one of `allowed`; counts the outcomes per scenario. */
function expectOutcomes(scenario: string, results: GqlResult[], allowed: string[]): void {
  for (const r of results) {
    const code = codeOf(r);
    outcomes.set(`${scenario}: ${code}`, (outcomes.get(`${scenario}: ${code}`) ?? 0) + 1);
    if (code !== 'ok' && !allowed.includes(code)) throw new Error(`${scenario}: ${code}: ${r.errors?.map((e) => e.message).join('; ')}`);
  }
}

/** The graph is consistent; returns its export. */
async function consistent(store: GraphStore): Promise<BundleJson> {
  const exported = await exportBundle(store);
  const c = await counts(store);
  expect(checkBundle(exported).problems).toEqual([]);
  expect(c).toEqual({
    sources: exported.sources.length, entities: exported.entities.length, documents: exported.documents.length,
    claims: exported.claims.length, statements: exported.statements.length,
  });
  // A statement with two MADE or two ON would be exported twice; one with none, not at all.
  expect(new Set(exported.statements.map((s) => s.id)).size).toBe(c.statements);
  const linkKeys = exported.links.map((l) => `${l.type} ${l.from} ${l.to}`);
  expect(new Set(linkKeys).size).toBe(linkKeys.length);
  const affiliationKeys = exported.affiliations.map((a) => `${a.source} ${a.parent}`);
  expect(new Set(affiliationKeys).size).toBe(affiliationKeys.length);
  return exported;
}

async function rounds(work: (store: CommitLog, round: number) => Promise<void>): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    scenarios++;
    const inner = await seededStore();
    try {
      await work(new CommitLog(inner), round);
    } finally {
      await inner.close();
    }
  }
}

const CLAIM = 'claim-al-masoud-was-civilian';
const OTHER = 'claim-us-operation-killed-al-masoud';

it('eight editors rewrite the same claim at once: every write lands, the last committed text wins, with its own editor', async () => {
  await rounds(async (store) => {
    const results = await together(store, Array.from({ length: 8 }, (_, i) => ({
      query: `mutation($t: String!) { updateClaim(input: { id: "${CLAIM}", text: $t }) { claim { text recorded { updatedBy } } } }`,
      variables: { t: `Text written by editor ${i}.` },
      editor: `editor-${i}`,
    })));
    expectOutcomes('updateClaim x8', results, ['CONFLICT']);
    const written = store.rowsOf('import-claims');
    expect(written.length).toBe(results.filter((r) => r.errors === undefined).length);
    const last = written.at(-1)!;
    const exported = await consistent(store);
    const claim = exported.claims.find((c) => c.id === CLAIM)!;
    expect({ text: claim.text, by: claim.recorded?.updatedBy }).toEqual({ text: last.text, by: last.updatedBy });
    expect(claim.text).toBe(`Text written by editor ${String(last.updatedBy).slice('editor-'.length)}.`);
    expect(claim.recorded?.createdBy).toBe('claimgraph-seed');
  });
});

it('editors link and unlink the same two claims at once, both ways and both types: the links are those the committed writes leave, none doubled', async () => {
  await rounds(async (store) => {
    const ops = Array.from({ length: 12 }, (_, i) => {
      const type = i % 3 === 2 ? 'SUPPORTS' : 'CONTRADICTS';
      const [from, to] = i % 2 === 0 ? [CLAIM, OTHER] : [OTHER, CLAIM];
      return i % 4 === 3
        ? { query: `mutation { unlinkClaims(input: { type: ${type}, from: "${from}", to: "${to}" }) { from { id: recordId } } }`, editor: `editor-${i}` }
        : { query: `mutation { linkClaims(input: { type: ${type}, from: "${from}", to: "${to}", reason: "Reason ${i}." }) { from { id: recordId } } }`, editor: `editor-${i}` };
    });
    const results = await together(store, ops);
    expectOutcomes('link/unlink x12', results, ['CONFLICT', 'NOT_FOUND']);

    // Replay the committed writes in commit order.
    const model = new Map<string, { linkedBy: unknown; reason: unknown }>();
    for (const commit of store.commits) {
      for (const q of commit) {
        const rows = (q.params.rows ?? []) as { from: string; to: string; linkedBy: unknown; reason: unknown }[];
        if (q.name === 'import-contradictions' || q.name === 'import-supports') {
          const type = q.name === 'import-contradictions' ? 'CONTRADICTS' : 'SUPPORTS';
          for (const r of rows) model.set(`${type} ${r.from} ${r.to}`, { linkedBy: r.linkedBy, reason: r.reason });
        } else if (q.name === 'unlink-contradicts') {
          model.delete(`CONTRADICTS ${q.params.from} ${q.params.to}`);
          model.delete(`CONTRADICTS ${q.params.to} ${q.params.from}`);
        } else if (q.name === 'unlink-supports') {
          model.delete(`SUPPORTS ${q.params.from} ${q.params.to}`);
        }
      }
    }
    const exported = await consistent(store);
    const between = (l: { from: string; to: string }) => (l.from === CLAIM && l.to === OTHER) || (l.from === OTHER && l.to === CLAIM);
    const actual = new Map(exported.links.filter(between).map((l) => [`${l.type} ${l.from} ${l.to}`, { linkedBy: l.linkedBy, reason: l.reason }]));
    expect(actual).toEqual(model);
    // One editor's link carries that editor's reason.
    for (const [, l] of actual) expect(`Reason ${String(l.linkedBy).slice('editor-'.length)}.`).toBe(l.reason);
    // A successful unlink removed something, a failed one found nothing to remove at its turn.
    expect(results.filter((r, i) => i % 4 === 3 && r.errors === undefined).length).toBe(store.commits.filter((c) => c.some((q) => q.name.startsWith('unlink-'))).length);
  });
});

it('editors re-point the same statement at once: it ends as exactly one of the writes, made by one source on one claim', async () => {
  const ID = 'st-airwars-asserts-civilian';
  // Every shape of a version 2 statement: a hedge, a doubt, a withdrawal, silences, an appearance with an intermediary.
  const variants: Record<string, unknown>[] = [
    { source: 'src-airwars', claim: CLAIM, stance: 'ASSERTS' },
    { source: 'src-emily-tripp', claim: OTHER, stance: 'DENIES', hedge: 'no longer confident' },
    { source: 'src-soufan-center', claim: 'claim-al-masoud-was-is-official', stance: 'ASSERTS', hedge: 'possibly' },
    { source: 'src-dumayr-residents', claim: CLAIM, stance: 'NO_RESPONSE' },
    { source: 'src-airwars', claim: 'claim-al-masoud-undercover-against-is', stance: 'NOT_ACKNOWLEDGED' },
    { source: 'src-wassim-nasr', claim: OTHER, stance: 'ASSERTS', appearances: [{ document: 'doc-dumayr-report', via: [{ source: 'src-airwars' }] }] },
    { source: 'src-wassim-nasr', claim: OTHER, stance: 'WITHDRAWS', date: '2025-03' },
  ];
  /** A variant as export writes it back. */
  const exported = (v: Record<string, unknown>) => ({
    source: v.source, claim: v.claim, stance: v.stance, hedged: v.hedge !== undefined, hedge: v.hedge ?? null, date: v.date ?? null,
    appearances: ((v.appearances ?? []) as { document: string; via: { source: string }[] }[]).map((a) => ({
      document: a.document, quote: null, paraphrase: null, via: a.via.map((x) => ({ source: x.source, document: null })), selector: null,
    })),
  });
  await rounds(async (store) => {
    const results = await together(store, variants.map((v, i) => ({
      query: `mutation($input: RecordStatementInput!) { recordStatement(input: $input) { statement { id: recordId source { id: recordId } claim { id: recordId } } } }`,
      variables: { input: { id: ID, ...v, quote: `Quote ${i}.` } },
      editor: `editor-${i}`,
    })));
    expectOutcomes(`recordStatement x${variants.length} (same id)`, results, ['CONFLICT']);
    // The first committed write creates it, the later ones rewrite it.
    const last = store.rowsOf('create-statements', 'import-statements').at(-1)!;
    const i = Number(String(last.quote).match(/\d+/)?.[0]);
    const graph = await consistent(store);
    const st = graph.statements.find((s) => s.id === ID)!;
    expect(st).toMatchObject({ ...exported(variants[i]!), quote: `Quote ${i}.`, recorded: expect.objectContaining({ updatedBy: `editor-${i}` }) });
    // Only its final source and claim list it.
    const lists = await gql(store, `{ sources(first: 100) { nodes { id: recordId statements { id: recordId } } } claims(first: 100) { nodes { id: recordId statements { id: recordId } } } }`);
    const holders = (kind: 'sources' | 'claims') =>
      ((lists.data?.[kind] as { nodes: { id: string; statements: { id: string }[] }[] }).nodes).filter((n) => n.statements.some((s) => s.id === ID)).map((n) => n.id);
    expect([holders('sources'), holders('claims')]).toEqual([[st.source], [st.claim]]);
  });
});

it('a confirmed delete of a claim races an edit, a new statement and a new link on it: all or nothing either way', async () => {
  await rounds(async (store, round) => {
    const preview = await gql(store, `{ deletionPreview(kind: CLAIM, id: "${CLAIM}") { confirm nodes { id: recordId } } }`, {}, 'test-admin');
    const { confirm, nodes } = preview.data?.deletionPreview as { confirm: string; nodes: { id: string }[] };
    const ops = [
      { query: `mutation($c: String!) { delete(input: { kind: CLAIM, id: "${CLAIM}", confirm: $c }) { deletedIds } }`, variables: { c: confirm }, editor: 'deleter' },
      { query: `mutation { updateClaim(input: { id: "${CLAIM}", text: "Edited while being deleted." }) { claim { id: recordId } } }`, editor: 'updater' },
      { query: `mutation { recordStatement(input: { id: "st-racing", source: "src-emily-tripp", claim: "${CLAIM}", stance: ASSERTS }) { statement { id: recordId } } }`, editor: 'recorder' },
      { query: `mutation { linkClaims(input: { type: SUPPORTS, from: "${CLAIM}", to: "${OTHER}", reason: "Racing." }) { from { id: recordId } } }`, editor: 'linker' },
    ];
    // Sent in another order each round; the results are put back in this order.
    const sent = rotate(ops, round);
    const answers = await together(store, sent);
    const [del, update, record, link] = ops.map((op) => answers[sent.indexOf(op)]!);
    expectOutcomes('delete', [del!], ['CONFLICT']);
    expectOutcomes('update vs delete', [update!], ['NOT_FOUND']);
    // Refused after the claim is gone, as any statement or link on an unknown claim is.
    expectOutcomes('record/link vs delete', [record!, link!], ['BAD_USER_INPUT']);
    for (const r of [record!, link!]) {
      if (r.errors) expect(r.errors[0]?.extensions?.problems).toEqual([expect.objectContaining({ got: `unknown claim id "${CLAIM}"` })]);
    }
    const exported = await consistent(store);
    const claim = exported.claims.find((c) => c.id === CLAIM);
    if (del!.errors === undefined) {
      // Deleted exactly what the preview showed: nothing recorded or linked on it survived, nothing of it is left.
      expect(claim).toBeUndefined();
      for (const id of nodes.map((n) => n.id)) expect(exported.statements.some((s) => s.id === id)).toBe(false);
      expect(exported.statements.some((s) => s.claim === CLAIM)).toBe(false);
      expect(exported.links.some((l) => l.from === CLAIM || l.to === CLAIM)).toBe(false);
      expect([record!.errors, link!.errors].every((e) => e !== undefined)).toBe(true);
    } else {
      // The delete was refused because the scope changed: something was recorded or linked first.
      expect(claim).toBeDefined();
      expect(record!.errors === undefined || link!.errors === undefined).toBe(true);
      expect(exported.statements.some((s) => s.id === 'st-racing')).toBe(record!.errors === undefined);
    }
    if (update!.errors === undefined && claim !== undefined) expect(claim.text).toBe('Edited while being deleted.');
  });
});

it('a merge of two sources races a statement by, and an edit of, the source being merged away', async () => {
  const KEEP = 'src-three-syrian-officials';
  const MERGE = 'src-syrian-government-officials';
  await rounds(async (store, round) => {
    const ops = [
      { query: `mutation { mergeSources(input: { keep: "${KEEP}", merge: "${MERGE}" }) { source { id: recordId } } }`, editor: 'merger' },
      { query: `mutation { recordStatement(input: { id: "st-racing", source: "${MERGE}", claim: "${CLAIM}", stance: DENIES }) { statement { id: recordId } } }`, editor: 'recorder' },
      { query: `mutation { updateSource(input: { id: "${MERGE}", description: "Edited while merged." }) { source { id: recordId } } }`, editor: 'updater' },
    ];
    const sent = rotate(ops, round);
    const answers = await together(store, sent);
    const [merge, record, update] = ops.map((op) => answers[sent.indexOf(op)]!);
    expectOutcomes('merge', [merge!], ['CONFLICT']);
    // The merged id keeps resolving (docs/MODEL.md, "Redirects"): a statement recorded after the merge lands on KEEP.
    expectOutcomes('record vs merge', [record!], ['CONFLICT']);
    // An update by the merged id updates the kept record (it follows the redirect), before or after the merge.
    expectOutcomes('update vs merge', [update!], []);
    const exported = await consistent(store);
    expect(exported.sources.some((s) => s.id === MERGE)).toBe(merge!.errors !== undefined);
    const racing = exported.statements.find((s) => s.id === 'st-racing');
    // Recorded before the merge it moved with it; after, it resolved to KEEP: none is lost or left behind.
    expect(racing === undefined).toBe(record!.errors !== undefined);
    if (racing && merge!.errors === undefined) expect(racing.source).toBe(KEEP);
    if (merge!.errors === undefined) expect(exported.sources.find((s) => s.id === KEEP)?.formerIds).toContain(MERGE);
    if (merge!.errors === undefined) expect(exported.statements.some((s) => s.source === MERGE)).toBe(false);
  });
});

it('eight editors create a source under the same name at once: one is created, the others are told its id', async () => {
  await rounds(async (store) => {
    const results = await together(store, Array.from({ length: 8 }, (_, i) => ({
      query: `mutation { createSource(input: { id: "src-racer-${i}", name: "The Racing Monitor", kind: ORGANIZATION, anonymous: false }) { source { id: recordId } } }`,
      editor: `editor-${i}`,
    })));
    expectOutcomes('createSource x8 (same name)', results, ['CONFLICT']);
    const created = results.filter((r) => r.errors === undefined);
    expect(created).toHaveLength(1);
    const id = (created[0]!.data?.createSource as { source: { id: string } }).source.id;
    for (const r of results.filter((x) => x.errors !== undefined)) expect(r.errors?.[0]?.extensions?.existing).toEqual([id]);
    const exported = await consistent(store);
    expect(exported.sources.filter((s) => s.name === 'The Racing Monitor').map((s) => s.id)).toEqual([id]);
  });
});

it('eight editors create a claim under the same id at once: one wins whole, the others get CONFLICT', async () => {
  await rounds(async (store) => {
    const results = await together(store, Array.from({ length: 8 }, (_, i) => ({
      query: `mutation { createClaim(input: { id: "claim-racing", text: "Version ${i}." }) { claim { id: recordId text } } }`,
      editor: `editor-${i}`,
    })));
    expectOutcomes('createClaim x8 (same id)', results, ['CONFLICT']);
    const winners = results.map((r, i) => [r, i] as const).filter(([r]) => r.errors === undefined);
    expect(winners).toHaveLength(1);
    const exported = await consistent(store);
    const claim = exported.claims.find((c) => c.id === 'claim-racing');
    expect({ text: claim?.text, by: claim?.recorded?.createdBy }).toEqual({ text: `Version ${winners[0]![1]}.`, by: `editor-${winners[0]![1]}` });
  });
});

it('four editors confirm the same deletion at once: it happens once, the others get NOT_FOUND', async () => {
  await rounds(async (store) => {
    const id = 'st-mother-asserts-identified-himself';
    const before = await counts(store);
    const preview = await gql(store, `{ deletionPreview(kind: STATEMENT, id: "${id}") { confirm } }`, {}, 'test-admin');
    const confirm = (preview.data?.deletionPreview as { confirm: string }).confirm;
    const results = await together(store, Array.from({ length: 4 }, (_, i) => ({
      query: `mutation($c: String!) { delete(input: { kind: STATEMENT, id: "${id}", confirm: $c }) { deletedIds } }`, variables: { c: confirm }, editor: `editor-${i}`,
    })));
    expectOutcomes('delete x4 (same token)', results, ['NOT_FOUND', 'CONFLICT']);
    expect(results.filter((r) => r.errors === undefined)).toHaveLength(1);
    await consistent(store);
    expect(await counts(store)).toEqual({ ...before, statements: before.statements! - 1 });
    const log = await gql(store, `{ changes(first: 10) { nodes { action target } } }`);
    expect((log.data?.changes as { nodes: { action: string; target: string }[] }).nodes.filter((c) => c.action === 'DELETE' && c.target === id)).toHaveLength(1);
  });
});

it('a storm of mixed edits on a few claims and sources leaves a consistent graph', async () => {
  const claims = [CLAIM, OTHER, 'claim-al-masoud-was-is-official'];
  const sources = ['src-airwars', 'src-emily-tripp', 'src-soufan-center'];
  await rounds(async (store) => {
    const ops = Array.from({ length: 30 }, (_, i) => {
      const c = claims[i % 3]!;
      const d = claims[(i + 1) % 3]!;
      const s = sources[i % 3]!;
      switch (i % 6) {
        case 0: return { query: `mutation { updateClaim(input: { id: "${c}", text: "Storm ${i}." }) { claim { id: recordId } } }`, editor: `e${i}` };
        case 1: return { query: `mutation { recordStatement(input: { id: "st-storm-${i % 4}", source: "${s}", claim: "${c}", stance: ASSERTS, quote: "Storm ${i}." }) { statement { id: recordId } } }`, editor: `e${i}` };
        case 2: return { query: `mutation { linkClaims(input: { type: CONTRADICTS, from: "${c}", to: "${d}", reason: "Storm ${i}." }) { from { id: recordId } } }`, editor: `e${i}` };
        case 3: return { query: `mutation { unlinkClaims(input: { type: CONTRADICTS, from: "${d}", to: "${c}" }) { from { id: recordId } } }`, editor: `e${i}` };
        case 4: return { query: `mutation { updateSource(input: { id: "${s}", description: "Storm ${i}." }) { source { id: recordId } } }`, editor: `e${i}` };
        default: return { query: `mutation { createSource(input: { name: "Storm source ${Math.floor(i / 6) % 2}", kind: GROUP, anonymous: false }) { source { id: recordId } } }`, editor: `e${i}` };
      }
    });
    const results = await together(store, ops);
    expectOutcomes('storm', results, ['CONFLICT', 'NOT_FOUND']);
    const exported = await consistent(store);
    // The two names were each created once, the others refused as the same name.
    expect(exported.sources.filter((s) => /^Storm source [01]$/.test(s.name))).toHaveLength(2);
  });
});

it("maps Grafeo's report of an edge another transaction deleted and committed first to a retryable CONFLICT, not INTERNAL", async () => {
  // Two editors rewriting one claim both delete its ABOUT edges: the second
  // finds them gone. Grafeo says so as a data exception (22000), not class 40.
  const db = GrafeoDB.create();
  try {
    await db.executeCypher("CREATE (:Claim {id: 'a'})-[:ABOUT]->(:Entity {id: 'e'})");
    const first = db.beginTransaction();
    const second = db.beginTransaction();
    await first.executeCypher("MATCH (:Claim {id: 'a'})-[r:ABOUT]->() DELETE r");
    first.commit();
    const error = await second.executeCypher("MATCH (:Claim {id: 'a'})-[r:ABOUT]->() DELETE r").catch((e: unknown) => e);
    if (second.isActive) second.rollback();
    expect(String((error as Error).message)).toContain('does not exist, or the writer does not see it');
    expect(mapEmbeddedError(error, 'import-claims')).toMatchObject({ code: 'CONFLICT', details: { retryable: true } });
  } finally {
    db.close();
  }
});
