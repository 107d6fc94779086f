#!/usr/bin/env node
/**
 * `npm run bench`: measures, in one run on one machine, the seed import and
 * the users' core questions over the seed, on the embedded engine in memory:
 * the raw named query on the store, the same question through GraphQL over
 * HTTP, and their ratio. Medians and p99 of many runs, after a warm-up.
 * (Synthetic graphs of 10k to 1M statements come with the scale work.)
 */
import { performance } from 'node:perf_hooks';
import { startHttpServer } from '../api/server';
import { seed } from '../graph/seed';
import { openStore } from '../store/open';
import type { GraphStore, Params } from '../store/port';
import type { QueryName } from '../store/queries';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

interface Question {
  name: string;
  raw: [QueryName, Params][];
  graphql: string;
}

const QUESTIONS: Question[] = [
  {
    name: 'who said a claim',
    raw: [['statements-by-claims', { ids: ['claim-al-masoud-undercover-against-is'] }]],
    graphql: '{ claim(id: "claim-al-masoud-undercover-against-is") { statements { stance quote source { name } } } }',
  },
  {
    name: 'what a source said',
    raw: [['statements-by-sources', { ids: ['src-dumayr-report'] }]],
    graphql: '{ source(id: "src-dumayr-report") { statements { stance quote claim { text } } } }',
  },
  {
    name: 'conflicts on a claim',
    raw: [['conflicts-page', { claimId: 'claim-al-masoud-was-is-official', sourceId: null, afterClaim: null, afterOpposing: null, limit: 21 }]],
    graphql: '{ conflicts(claimId: "claim-al-masoud-was-is-official") { nodes { claim { id } opposingClaim { id } sources { name } opposingSources { name } } } }',
  },
  {
    name: 'conflicts for a source',
    raw: [['conflicts-page', { claimId: null, sourceId: 'src-al-masoud-family', afterClaim: null, afterOpposing: null, limit: 21 }]],
    graphql: '{ conflicts(sourceId: "src-al-masoud-family") { nodes { claim { id } opposingClaim { id } sources { name } opposingSources { name } } } }',
  },
  {
    name: 'corroboration of a claim',
    raw: [['corroboration-by-claims', { ids: ['claim-al-masoud-undercover-against-is'] }]],
    graphql: '{ claim(id: "claim-al-masoud-undercover-against-is") { corroboration { assertingSources independentSources anonymousSources contradictedBy } } }',
  },
  {
    name: 'search claims',
    raw: [['claims-page', { search: 'undercover', after: null, limit: 21 }]],
    graphql: '{ claims(search: "undercover") { nodes { id text } } }',
  },
];

async function sample(fn: () => Promise<unknown>): Promise<{ median: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { median: at(0.5), p99: at(0.99) };
}

async function main(): Promise<void> {
  const imports: number[] = [];
  let store: GraphStore | undefined;
  for (let i = 0; i < 20; i++) {
    await store?.close();
    store = await openStore({ engine: 'embedded', path: null });
    const start = performance.now();
    await seed(store);
    imports.push(performance.now() - start);
  }
  imports.sort((a, b) => a - b);
  if (store === undefined) throw new Error('no store');
  const live = store;
  console.log(`seed import (1 bundle, 43 statements, one transaction): median ${imports[10]?.toFixed(2)} ms over 20 fresh stores`);

  const server = await startHttpServer(live, 0, '127.0.0.1');
  const post = async (query: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  };

  const fmt = (n: number) => n.toFixed(3).padStart(8);
  console.log(`\n${RUNS} runs each after ${WARMUP} warm-up, milliseconds`);
  console.log('| question | raw Cypher median | raw p99 | GraphQL/HTTP median | HTTP p99 | ratio (median) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const q of QUESTIONS) {
    const raw = await sample(async () => {
      for (const [name, params] of q.raw) await live.read(name, params);
    });
    const http = await sample(() => post(q.graphql));
    console.log(`| ${q.name} | ${fmt(raw.median)} | ${fmt(raw.p99)} | ${fmt(http.median)} | ${fmt(http.p99)} | ${(http.median / raw.median).toFixed(1)}× |`);
  }
  await server.stop();
  await live.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
