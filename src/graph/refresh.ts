/**
 * Keeps the stored positions right after a write: every write that adds,
 * changes, moves or removes statements, moves a document's publication date,
 * or draws or removes a CONTRADICTS link calls {@link refreshPositions} in
 * the same transaction with what it touched. The rule is in positions.ts.
 */
import type { QueryRunner, Row, Value } from '../store/port';
import { lockClaims } from './locks';
import type { Stance } from './model';
import { computePositions, effectiveDate, speaksForParent, storedDate, type PositionInput, type RetractionReason, type SupersessionReason } from './positions';
import { refreshStandings } from './standing';

/** What a write touched: claims whose statements changed, documents whose date changed. */
export interface Touched {
  claims: Iterable<string>;
  documents?: Iterable<string>;
  /**
   * Claims whose standing (src/graph/standing.ts) must be written again
   * besides those of the claims whose positions change: claims of
   * statements the caller computed positions for itself, and a removal's
   * scope read before the removal.
   */
  standing?: Iterable<string>;
}

const strings = (v: Value | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringOrNull = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);

/** Claims per position-inputs query: a large import reads its statements back a slice at a time. */
const CLAIMS_PER_QUERY = 2000;

/**
 * Computes the positions of every statement that the touched claims and
 * documents can affect, and writes those that changed. Returns how many
 * statements were rewritten.
 */
export async function refreshPositions(tx: QueryRunner, touched: Touched): Promise<number> {
  const claims = [...new Set(touched.claims)];
  const documents = [...new Set(touched.documents ?? [])];
  // Every claim touched, and every claim whose positions change, can change standings.
  const seeds = new Set([...claims, ...(touched.standing ?? [])]);
  const changed = await recomputePositions(tx, claims, documents, seeds);
  if (seeds.size > 0) await refreshStandings(tx, seeds);
  return changed;
}

async function recomputePositions(tx: QueryRunner, claims: string[], documents: string[], seeds: Set<string>): Promise<number> {
  if (claims.length === 0 && documents.length === 0) return 0;
  // The claims in scope: those touched and their linked claims. Their
  // statements are recomputed; the inputs also hold the statements of the
  // claims linked to those, which may supersede them.
  const near: string[] = [];
  for (let i = 0; i < Math.max(claims.length, 1); i += CLAIMS_PER_QUERY) {
    const [scope] = await tx.run('position-scope', { claims: claims.slice(i, i + CLAIMS_PER_QUERY), documents: i === 0 ? documents : [] });
    near.push(...strings(scope?.claims));
  }
  const inScope = new Set(near);
  let changed = 0;
  const ids = [...inScope];
  for (let i = 0; i < ids.length; i += CLAIMS_PER_QUERY) {
    changed += await refreshSlice(tx, ids.slice(i, i + CLAIMS_PER_QUERY), seeds);
  }
  return changed;
}

/** Recomputes and writes the positions of the statements on `claims`. */
async function refreshSlice(tx: QueryRunner, claims: string[], seeds: Set<string>): Promise<number> {
  // Two writers that recompute the same claims run one after the other, the
  // later one reading the earlier one's statements (src/graph/locks.ts).
  await lockClaims(tx, claims);
  const rows = await tx.run('position-inputs', { claims });
  const slice = new Set(claims);
  const inputs: PositionInput[] = [];
  const contradicts: [string, string][] = [];
  const implies: [string, string][] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const id = String(row.id);
    if (seen.has(id)) continue;
    seen.add(id);
    const claim = String(row.claim);
    // [publishedAt, retracted] per document that printed it.
    const printings = (Array.isArray(row.printings) ? row.printings : []).map((p): Value[] => (Array.isArray(p) ? p : []));
    inputs.push({
      id,
      source: String(row.source),
      ancestors: strings(row.ancestors),
      spokespeople: spokespeopleOf(row.members),
      anonymous: row.anonymous === true,
      claim,
      stance: String(row.stance) as Stance,
      hedged: row.hedged === true,
      date: effectiveDate(stringOrNull(row.date), printings.map(([publishedAt]) => stringOrNull(publishedAt))),
      supersedes: strings(row.supersedes),
      retracted: printings.length > 0 && printings.every(([, retracted]) => retracted === true),
      derivedFrom:
        typeof row.derivedFrom === 'string'
          ? {
              id: row.derivedFrom, current: row.originCurrent !== false, supersededBy: stringOrNull(row.originSupersededBy), revision: row.originRevision === true,
              retraction: stringOrNull(row.originRetraction) as RetractionReason | null,
            }
          : null,
    });
    // [claim or a claim it implies, the claim contradicting it]
    for (const pair of Array.isArray(row.contradicts) ? row.contradicts : []) {
      const [x, o] = strings(pair);
      if (x !== undefined && o !== undefined) contradicts.push([x, o]);
    }
    // The claims it implies at any depth, as links from it: the closure is the same.
    for (const other of strings(row.implies)) implies.push([claim, other]);
  }
  // Only statements on the slice's claims are recomputed; the others were read as context.
  const targets = inputs.filter((s) => slice.has(s.claim)).map((s) => s.id);
  const positions = computePositions(inputs, { contradicts, implies }, targets);
  const stored = new Map(rows.map((r) => [String(r.id), r]));
  const changed: object[] = [];
  for (const input of inputs) {
    const position = positions.get(input.id);
    if (position === undefined) continue;
    const row = {
      id: input.id, current: position.current, supersededBy: position.supersededBy, reason: position.reason, revision: position.revision,
      retraction: position.retraction ?? null, ...storedDate(input.date),
    };
    if (!sameAsStored(stored.get(input.id), row)) {
      changed.push(row);
      seeds.add(input.claim);
    }
  }
  for (let i = 0; i < changed.length; i += 1000) await tx.run('write-positions', { rows: changed.slice(i, i + 1000) });
  return changed.length;
}

function sameAsStored(
  stored: Row | undefined,
  row: { current: boolean; supersededBy: string | null; reason: SupersessionReason | null; revision: boolean; retraction: RetractionReason | null; dateStart: string | null; dateEnd: string | null; datePrecision: string | null; dateBasis: string | null },
): boolean {
  if (stored === undefined) return false;
  const [by, reason, revision] = Array.isArray(stored.supersededBy) ? stored.supersededBy : [null, null, false];
  const retraction = stored.retraction ?? null;
  return (
    stored.current === row.current &&
    (by ?? null) === row.supersededBy &&
    // A statement superseded by no statement (retracted) keeps its reason in `retraction`.
    (reason ?? (by === null ? retraction : null)) === row.reason &&
    retraction === row.retraction &&
    (revision === true) === row.revision &&
    (stored.dateStart ?? null) === row.dateStart &&
    (stored.dateEnd ?? null) === row.dateEnd &&
    (stored.datePrecision ?? null) === row.datePrecision &&
    (stored.dateBasis ?? null) === row.dateBasis
  );
}

/** The members that speak for a source, from rows of [member id, affiliation role]. */
export function spokespeopleOf(members: Value | undefined): string[] {
  const out = new Set<string>();
  for (const pair of Array.isArray(members) ? members : []) {
    if (!Array.isArray(pair)) continue;
    const [member, role] = pair;
    if (typeof member === 'string' && speaksForParent(typeof role === 'string' ? role : null)) out.add(member);
  }
  return [...out];
}
