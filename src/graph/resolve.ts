/**
 * Which incoming sources and entities are records the graph holds already,
 * and what the one record of each group looks like (docs/MODEL.md, "Names").
 *
 * Records are one when one is the other by id (or by a redirect: an id that
 * was merged into another), or when they share a name key that is not
 * generic (a source's kind must match, and anonymous sources never match by
 * name). Matching is transitive: an incoming record that matches two stored
 * records makes the three one record. The group's record is a function of
 * the group alone, never of the order records arrived in, so importing a set
 * of bundles in any order gives the same graph:
 * - its id is the smallest id of the group's stored and new records;
 * - its name, kind, anonymity and count are those of the record with that id;
 * - its aliases are every other name and alias of the group, sorted;
 * - its description is that of the smallest id that has one (remembered on
 *   the node as `descriptionFrom`, since its record may be gone).
 * The other ids become redirects to it. Generic names and skeletons never
 * join records: they are listed as possible duplicates (duplicates.ts).
 */
import { createHash } from 'node:crypto';
import { isGenericKey, nameKey, soundKeys } from './names';

/** An incoming record as name resolution sees it. */
export interface NameRecord {
  id: string;
  name: string;
  aliases: readonly string[];
  description: string | null;
  /** A source's kind; null for an entity. */
  kind: string | null;
  anonymous: boolean;
  count: number | null;
  /** The stored node this record is by id or by redirect; null when new. */
  identity: string | null;
}

/** A stored record as name resolution reads it. */
export interface StoredName {
  id: string;
  name: string;
  aliases: readonly string[];
  description: string | null;
  descriptionFrom: string | null;
  kind: string | null;
  anonymous: boolean;
  count: number | null;
  hash: string | null;
}

/** The one record of a group, as it is to be stored. */
export interface MergedRecord {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  descriptionFrom: string | null;
  kind: string | null;
  anonymous: boolean;
  count: number | null;
  /** Fingerprint of the above: an unchanged group writes nothing. */
  hash: string;
}

export interface NameGroup {
  record: MergedRecord;
  /** The incoming records of the group. */
  incoming: NameRecord[];
  /** Stored node ids of the group. */
  stored: string[];
  /** A stored node to give the group's id (the group's id is new, and stored nodes are in it). */
  renameFrom: string | null;
  /** Stored nodes to merge into the group's node. */
  mergeIn: string[];
  /** Ids that are to resolve to the group's id from now on. */
  redirects: string[];
  /** Whether the group's node is created (no stored node in it). */
  create: boolean;
  /** Whether the stored node must be written (created, renamed, merged into or changed). */
  changed: boolean;
  /** Whether a stored source becomes anonymous or named: which of its statements revise or are revised by its organisation's other members changes. */
  anonymityChanged: boolean;
  /** For each incoming record recognised as another (by name or as one of several), the key that matched. */
  matches: { bundleId: string; key: string }[];
}

/** The name keys a record is matched by: its name's and aliases', without generic ones. */
export function matchKeys(r: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([r.name, ...r.aliases].map(nameKey))].filter((k) => k !== '' && !isGenericKey(k));
}

/** The generic name keys of a record ("the family"): listed as possible duplicates only. */
export function genericKeys(r: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([r.name, ...r.aliases].map(nameKey))].filter((k) => k !== '' && isGenericKey(k));
}

/**
 * The sound keys of a record's name and aliases (names.ts `soundKeys`: each
 * word's sound skeleton, and the name as one word, under each reading) that
 * say enough to suggest a match: at least one word of three letters or more
 * ("IS" and "US" both give "as", which says nothing).
 */
export function skeletonKeys(r: { name: string; aliases: readonly string[] }): string[] {
  const says = (k: string) => k.split(' ').some((w) => w.length >= 3);
  // Each name's own sounds first, then the other readings: a pair shares its key by the first key
  // one of them lists that the other holds, so the key shown is how the names sound unread
  // ("kld msd" for Khaled al-Masoud, not the reading "hld msd").
  const keys = [r.name, ...r.aliases].map(soundKeys);
  const own = [...new Set(keys.map((k) => k[0] ?? ''))].filter(says).sort();
  const read = [...new Set(keys.flat())].filter((k) => says(k) && !own.includes(k)).sort();
  return [...own, ...read];
}

/** Whether a record takes part in matching by name: every entity, and named sources. */
const matchable = (r: { anonymous: boolean }) => !r.anonymous;

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    // Path compression: later finds are one step.
    for (let y = x, p = this.parent.get(y); p !== undefined && p !== root; y = p, p = this.parent.get(y)) this.parent.set(y, root);
    if (!this.parent.has(x)) this.parent.set(x, x);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

const minId = (ids: Iterable<string>): string => {
  let best: string | null = null;
  for (const id of ids) if (best === null || id < best) best = id;
  if (best === null) throw new Error('a name group without ids');
  return best;
};

export function fingerprintOf(record: Omit<MergedRecord, 'hash' | 'id'>): string {
  const content = [record.name, record.kind, record.anonymous, record.count, record.description, record.descriptionFrom, record.aliases];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

/**
 * Groups incoming records with each other and with the stored records they
 * match. `hits` gives, per name key, the stored records holding it (id and
 * kind); `stored` the stored records of every id that appears in a group.
 * Call it twice: first with `stored` empty to learn which stored ids to read
 * ({@link storedIdsOf}), then with them.
 */
export function groupNames(
  incoming: readonly NameRecord[],
  hits: ReadonlyMap<string, readonly { id: string; kind: string | null }[]>,
  stored: ReadonlyMap<string, StoredName>,
  /**
   * True for an edit: an incoming record replaces the stored record it is
   * (by id), so a name, alias or description it leaves out goes, instead of
   * being kept as a second report of the record would keep it.
   */
  replacing = false,
): NameGroup[] {
  const uf = new UnionFind();
  const node = (i: number) => `i\u0000${i}`;
  const graph = (id: string) => `g\u0000${id}`;
  const matchedBy = new Map<number, string>();
  const byKey = new Map<string, number>();
  incoming.forEach((r, i) => {
    uf.find(node(i));
    if (r.identity !== null) uf.union(node(i), graph(r.identity));
    if (!matchable(r)) return;
    for (const key of matchKeys(r)) {
      for (const hit of hits.get(key) ?? []) {
        if (hit.kind !== r.kind || hit.id === r.identity) continue;
        uf.union(node(i), graph(hit.id));
        if (!matchedBy.has(i)) matchedBy.set(i, key);
      }
      // Incoming records sharing a key are one record too (within one bundle or a set).
      const kindKey = `${r.kind ?? ''}\u0000${key}`;
      const other = byKey.get(kindKey);
      if (other === undefined) byKey.set(kindKey, i);
      else {
        uf.union(node(i), node(other));
        if (!matchedBy.has(i)) matchedBy.set(i, key);
        if (!matchedBy.has(other)) matchedBy.set(other, key);
      }
    }
  });
  const groups = new Map<string, { incoming: number[]; stored: Set<string> }>();
  const add = (member: string, f: (g: { incoming: number[]; stored: Set<string> }) => void) => {
    const root = uf.find(member);
    let g = groups.get(root);
    if (g === undefined) groups.set(root, (g = { incoming: [], stored: new Set() }));
    f(g);
  };
  incoming.forEach((r, i) => {
    add(node(i), (g) => g.incoming.push(i));
    if (r.identity !== null) add(node(i), (g) => g.stored.add(r.identity as string));
  });
  for (const list of hits.values()) {
    for (const hit of list) {
      const member = graph(hit.id);
      // Only stored records joined to an incoming one belong to a group.
      const root = uf.find(member);
      if (groups.has(root)) groups.get(root)?.stored.add(hit.id);
    }
  }

  return [...groups.values()].map((g) => {
    const members = g.incoming.map((i) => incoming[i] as NameRecord);
    const storedIds = [...g.stored].sort();
    const newIds = members.filter((r) => r.identity === null).map((r) => r.id);
    const id = minId([...storedIds, ...newIds]);
    const storedRecords = storedIds.map((s) => stored.get(s)).filter((s): s is StoredName => s !== undefined);
    // What the group's names and description are drawn from: an edited record speaks for its stored self.
    const replaced = new Set(replacing ? members.map((r) => r.identity).filter((x): x is string => x !== null) : []);
    const contributing = storedRecords.filter((s) => !replaced.has(s.id));
    const own = members.find((r) => r.id === id) ?? storedRecords.find((s) => s.id === id) ?? (members[0] as NameRecord);
    const name = own.name;
    const names = new Set<string>();
    for (const r of [...members, ...contributing]) {
      names.add(r.name);
      for (const a of r.aliases) names.add(a);
    }
    names.delete(name);
    // The description of the smallest id that has one: incoming records speak for themselves, stored ones for where theirs came from.
    // A stored description that came from an incoming record's id is that record's old word: the incoming one replaces it (a null clears it).
    const incomingIds = new Set(members.map((r) => r.id));
    const described = [
      ...members.filter((r) => r.description !== null).map((r) => ({ from: r.id, description: r.description as string, incoming: true })),
      ...contributing
        .filter((s) => s.description !== null && !incomingIds.has(s.descriptionFrom ?? s.id))
        .map((s) => ({ from: s.descriptionFrom ?? s.id, description: s.description as string, incoming: false })),
    ].sort((a, b) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : a.incoming === b.incoming ? 0 : a.incoming ? -1 : 1));
    const description = described[0] ?? null;
    const content = {
      name,
      aliases: [...names].sort(),
      description: description?.description ?? null,
      descriptionFrom: description?.from ?? null,
      kind: own.kind,
      anonymous: own.anonymous,
      count: own.count,
    };
    const record: MergedRecord = { id, ...content, hash: fingerprintOf(content) };
    const survivorStored = storedIds.includes(id);
    const renameFrom = !survivorStored && storedIds.length > 0 ? (storedIds[0] as string) : null;
    const mergeIn = storedIds.filter((s) => s !== id && s !== renameFrom);
    const viaRedirect = new Set(members.filter((r) => r.identity !== null && r.identity !== r.id).map((r) => r.id));
    const redirects = [...new Set([...members.map((r) => r.id), ...storedIds])].filter((x) => x !== id && !viaRedirect.has(x)).sort();
    const storedSurvivor = stored.get(renameFrom ?? id);
    const create = storedIds.length === 0;
    const changed = create || renameFrom !== null || mergeIn.length > 0 || storedSurvivor?.hash !== record.hash;
    const matches = g.incoming
      .filter((i) => {
        const r = incoming[i] as NameRecord;
        // A new record whose id is the smallest takes stored records in under its id: that is a match too (their ids change).
        const absorbs = r.id === id && r.identity === null && storedIds.length > 0;
        return (r.id !== id && r.identity !== r.id) || absorbs;
      })
      .map((i) => ({ bundleId: (incoming[i] as NameRecord).id, key: matchedBy.get(i) ?? 'id' }));
    const anonymityChanged = storedSurvivor !== undefined && storedSurvivor.anonymous !== record.anonymous;
    return { record, incoming: members, stored: storedIds, renameFrom, mergeIn, redirects, create, changed, anonymityChanged, matches };
  });
}

/** The stored ids {@link groupNames} needs the records of: every stored member of a group. */
export function storedIdsOf(groups: readonly NameGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.stored))];
}
