/**
 * The attribution chain of a claim as W3C PROV-O (https://www.w3.org/TR/prov-o/),
 * in JSON-LD or Turtle. One named query (`provenance-by-claims`) reads the
 * chain on the store; the RDF is built here, as one list of triples that both
 * serialisations write, so they always say the same thing.
 * docs/ANALYSIS-PROV.md gives the mapping, term by term.
 */
import { DataFactory, Writer } from 'n3';
import { toDocument, toSource, toStatement, toAffiliation, type AffiliationNode, type DocumentNode, type SourceNode, type StatementNode } from '../graph/records';
import { badInput, ClaimgraphError, notFound, show } from '../errors';
import type { GraphStore, Row, Value } from '../store/port';

export const PROV_FORMATS = ['JSONLD', 'TURTLE'] as const;
export type ProvFormat = (typeof PROV_FORMATS)[number];

/** Where claimgraph's own terms live (stance, paraphrase, hedge, …). */
export const CLAIMGRAPH_NS = 'https://claimgraph.dev/ns#';

/** The IRIs of the graph's records start with this unless told otherwise. */
export const DEFAULT_IRI_BASE = 'urn:claimgraph:';

/** The prefixes both serialisations use (the JSON-LD context is inline: nothing is fetched). */
export const PREFIXES = {
  prov: 'http://www.w3.org/ns/prov#',
  cg: CLAIMGRAPH_NS,
  schema: 'https://schema.org/',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const P = PREFIXES;
const RDF_TYPE = `${P.rdf}type`;

// ---------------------------------------------------------------- the chain as read

export interface ProvSource extends SourceNode {
  /** Its direct AFFILIATED_WITH parents (the chain holds every parent up to the top). */
  parents: AffiliationNode[];
}

/** Everything the PROV of one claim needs, as `provenance-by-claims` returns it. */
export interface ProvChain {
  claim: { id: string; text: string };
  /** The statements on the claim and those linked to them by derivation, at any depth. */
  statements: StatementNode[];
  /** The claims of those statements (the claim itself among them when it has statements). */
  claims: { id: string; text: string }[];
  documents: DocumentNode[];
  /** Speakers, intermediaries and publishers, with their affiliation parents at any depth. */
  sources: ProvSource[];
}

const list = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);

function claimOf(v: Value | undefined): { id: string; text: string } {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.id === 'string' && typeof v.text === 'string') {
    return { id: v.id, text: v.text };
  }
  throw new ClaimgraphError('INTERNAL', `The store returned a malformed claim: ${show(v, 200)}`);
}

/** Maps one row of `provenance-by-claims`. */
export function toProvChain(row: Row): ProvChain {
  return {
    claim: claimOf(row.claim),
    statements: list(row.statements).map(toStatement),
    claims: list(row.claims).map(claimOf),
    documents: list(row.documents).map(toDocument),
    sources: list(row.sources).map((v) => ({
      ...toSource(v),
      parents: list((v as { parents?: Value }).parents).map(toAffiliation),
    })),
  };
}

/** Reads the chains of several claims in one query; a missing id is absent from the map. */
export async function readProvChains(store: GraphStore, ids: readonly string[]): Promise<Map<string, ProvChain>> {
  const rows = await store.read('provenance-by-claims', { ids: [...ids] });
  return new Map(rows.map((row) => [String(row.key), toProvChain(row)]));
}

// ---------------------------------------------------------------- IRIs

/**
 * Checks an IRI base: an absolute IRI (a scheme, a colon, then no spaces,
 * quotes or angle brackets) whose scheme is not one of our prefixes, which
 * JSON-LD would read as a compact IRI.
 */
export function checkIriBase(base: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):[^\s<>"{}|\\^`]*$/.exec(base)?.[1];
  if (scheme === undefined || Object.keys(PREFIXES).includes(scheme)) {
    throw badInput(
      `The IRI base must be an absolute IRI with no spaces, quotes or angle brackets, whose scheme is not one of ${Object.keys(PREFIXES).join(', ')} (e.g. "urn:claimgraph:" or "https://example.org/id/"), got ${show(base)}.`,
      { argument: 'base' },
    );
  }
  return base;
}

/** An id as one IRI segment: percent-encoded, `:` and `/` included, so segments never run together. */
export const encodeId = (id: string): string =>
  encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The IRIs minted for the graph's records under `base`. */
export function iris(base: string) {
  return {
    claim: (id: string) => `${base}claim:${encodeId(id)}`,
    statement: (id: string) => `${base}statement:${encodeId(id)}`,
    source: (id: string) => `${base}source:${encodeId(id)}`,
    document: (id: string) => `${base}document:${encodeId(id)}`,
    delegation: (member: string, parent: string) => `${base}affiliation:${encodeId(member)}:${encodeId(parent)}`,
    appearance: (statement: string, document: string) => `${base}appearance:${encodeId(statement)}:${encodeId(document)}`,
    step: (statement: string, document: string, n: number) => `${base}appearance:${encodeId(statement)}:${encodeId(document)}:via:${n}`,
    role: (role: string) => `${base}role:${encodeId(role)}`,
  };
}

// ---------------------------------------------------------------- triples

export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'literal'; value: string; datatype: string | null }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'integer'; value: number };

export interface Triple {
  subject: string;
  predicate: string;
  object: Term;
}

const iri = (value: string): Term => ({ kind: 'iri', value });
const text = (value: string): Term => ({ kind: 'literal', value, datatype: null });

/**
 * A date as an xsd literal when it has an xsd lexical form (date, dateTime,
 * gYearMonth, gYear), else the text as given: an unknown form is not guessed at.
 */
export function dateLiteral(value: string): Term {
  const zone = '(Z|[+-]\\d{2}:\\d{2})?';
  const forms: [RegExp, string][] = [
    [new RegExp(`^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?${zone}$`), 'dateTime'],
    [new RegExp(`^-?\\d{4,}-\\d{2}-\\d{2}${zone}$`), 'date'],
    [new RegExp(`^-?\\d{4,}-\\d{2}${zone}$`), 'gYearMonth'],
    [new RegExp(`^-?\\d{4,}${zone}$`), 'gYear'],
  ];
  const form = forms.find(([re]) => re.test(value));
  return form === undefined ? text(value) : { kind: 'literal', value, datatype: `${P.xsd}${form[1]}` };
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The end of each statement's derivation chain, over the statements given (itself when not derived). */
function originsOf(statements: readonly StatementNode[]): Map<string, string> {
  const from = new Map(statements.map((st) => [st.id, st.derivedFrom]));
  const origins = new Map<string, string>();
  for (const st of statements) {
    let at = st.id;
    // The validator forbids loops; never loop on a broken graph.
    const seen = new Set<string>([at]);
    for (let next = from.get(at); next !== undefined && next !== null && !seen.has(next); next = from.get(at)) {
      at = next;
      seen.add(at);
    }
    origins.set(st.id, at);
  }
  return origins;
}

/**
 * The chain as PROV-O triples, grouped by subject: the claim first, then the
 * other claims, statements, documents, agents, delegations and roles, each in
 * id order.
 */
export function provTriples(chain: ProvChain, base: string = DEFAULT_IRI_BASE): Triple[] {
  const id = iris(checkIriBase(base));
  const out: Triple[] = [];
  const add = (subject: string, predicate: string, object: Term | null): void => {
    if (object !== null) out.push({ subject, predicate, object });
  };
  const opt = (v: string | null): Term | null => (v === null ? null : text(v));

  const claims = [chain.claim, ...chain.claims.filter((c) => c.id !== chain.claim.id).sort(byId)];
  for (const c of claims) {
    add(id.claim(c.id), RDF_TYPE, iri(`${P.schema}Claim`));
    add(id.claim(c.id), `${P.schema}text`, text(c.text));
  }

  const origins = originsOf(chain.statements);
  const appearances: { statement: StatementNode; index: number }[] = [];
  for (const st of [...chain.statements].sort(byId)) {
    const s = id.statement(st.id);
    add(s, RDF_TYPE, iri(`${P.prov}Entity`));
    add(s, RDF_TYPE, iri(`${P.cg}Statement`));
    add(s, `${P.cg}on`, iri(id.claim(st.claim)));
    add(s, `${P.cg}stance`, text(st.stance));
    add(s, `${P.cg}hedged`, { kind: 'boolean', value: st.hedged });
    add(s, `${P.cg}current`, { kind: 'boolean', value: st.current });
    add(s, `${P.prov}value`, opt(st.quote));
    add(s, `${P.cg}paraphrase`, opt(st.paraphrase));
    add(s, `${P.cg}hedge`, opt(st.hedge));
    add(s, `${P.cg}date`, st.date === null ? null : dateLiteral(st.date));
    add(s, `${P.cg}madeAt`, opt(st.madeAt));
    add(s, `${P.prov}wasAttributedTo`, iri(id.source(st.source)));
    // Derived in its own voice from another's statement: prov:wasDerivedFrom, and the chain's end as its primary source.
    if (st.derivedFrom !== null) add(s, `${P.prov}wasDerivedFrom`, iri(id.statement(st.derivedFrom)));
    const origin = origins.get(st.id);
    if (origin !== undefined && origin !== st.id) add(s, `${P.prov}hadPrimarySource`, iri(id.statement(origin)));
    // Superseded: the later statement is a revision of it.
    if (st.supersededBy !== null && chain.statements.some((o) => o.id === st.supersededBy)) {
      add(id.statement(st.supersededBy), `${P.prov}wasRevisionOf`, iri(s));
    }
    st.appearances.forEach((_, index) => appearances.push({ statement: st, index }));
  }

  // Each document that printed a statement quoted it: a qualified prov:Quotation
  // per appearance, with the document's words and, in order, the intermediaries
  // that carried it (cg:via steps: PROV-O has no agent on a quotation, which
  // is an influence by an entity).
  for (const { statement: st, index } of appearances) {
    const ap = st.appearances[index];
    if (ap === undefined) continue;
    const q = id.appearance(st.id, ap.document);
    add(id.document(ap.document), `${P.prov}wasQuotedFrom`, iri(id.statement(st.id)));
    add(id.document(ap.document), `${P.prov}qualifiedQuotation`, iri(q));
    add(q, RDF_TYPE, iri(`${P.prov}Quotation`));
    add(q, RDF_TYPE, iri(`${P.cg}Appearance`));
    add(q, `${P.prov}entity`, iri(id.statement(st.id)));
    add(q, `${P.prov}value`, opt(ap.quote));
    add(q, `${P.cg}paraphrase`, opt(ap.paraphrase));
    ap.via.forEach((step, n) => {
      const v = id.step(st.id, ap.document, n + 1);
      add(q, `${P.cg}via`, iri(v));
      add(v, `${P.cg}order`, { kind: 'integer', value: n + 1 });
      add(v, `${P.cg}intermediary`, iri(id.source(step.source)));
      if (step.document !== null) add(v, `${P.cg}document`, iri(id.document(step.document)));
    });
    if (ap.selector !== null) {
      add(q, `${P.cg}exact`, text(ap.selector.exact));
      add(q, `${P.cg}prefix`, opt(ap.selector.prefix));
      add(q, `${P.cg}suffix`, opt(ap.selector.suffix));
    }
  }

  for (const d of [...chain.documents].sort(byId)) {
    const s = id.document(d.id);
    add(s, RDF_TYPE, iri(`${P.prov}Entity`));
    add(s, RDF_TYPE, iri(`${P.cg}Document`));
    add(s, `${P.dcterms}title`, text(d.title));
    add(s, `${P.dcterms}issued`, d.publishedAt === null ? null : dateLiteral(d.publishedAt));
    add(s, `${P.schema}url`, d.url === null ? null : { kind: 'literal', value: d.url, datatype: `${P.xsd}anyURI` });
    add(s, `${P.rdfs}comment`, opt(d.note));
    // Unknown stays unknown: no publisher triple at all when the graph has none.
    if (d.publisher !== null) {
      add(s, `${P.prov}wasAttributedTo`, iri(id.source(d.publisher)));
      add(s, `${P.dcterms}publisher`, iri(id.source(d.publisher)));
    }
  }

  const roles = new Set<string>();
  const delegations: { member: string; parent: string; role: string | null }[] = [];
  for (const src of [...chain.sources].sort(byId)) {
    const s = id.source(src.id);
    add(s, RDF_TYPE, iri(`${P.prov}Agent`));
    if (src.kind === 'PERSON') add(s, RDF_TYPE, iri(`${P.prov}Person`));
    if (src.kind === 'ORGANIZATION') add(s, RDF_TYPE, iri(`${P.prov}Organization`));
    add(s, `${P.cg}kind`, text(src.kind));
    add(s, `${P.cg}anonymous`, { kind: 'boolean', value: src.anonymous });
    if (src.count !== null) add(s, `${P.cg}count`, { kind: 'integer', value: src.count });
    // The graph's name is always a label. It is a name (foaf:name) only for a person or an
    // organisation whose identity is given; for an anonymous source or a group it describes
    // who spoke ("Three Syrian officials speaking anonymously", "Family of Khaled al-Masoud").
    add(s, `${P.rdfs}label`, text(src.name));
    if (!src.anonymous && (src.kind === 'PERSON' || src.kind === 'ORGANIZATION')) add(s, `${P.foaf}name`, text(src.name));
    add(s, `${P.rdfs}comment`, opt(src.description));
    for (const a of [...src.parents].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0))) {
      add(s, `${P.prov}actedOnBehalfOf`, iri(id.source(a.source)));
      add(s, `${P.prov}qualifiedDelegation`, iri(id.delegation(src.id, a.source)));
      delegations.push({ member: src.id, parent: a.source, role: a.role });
    }
  }
  for (const d of delegations) {
    const s = id.delegation(d.member, d.parent);
    add(s, RDF_TYPE, iri(`${P.prov}Delegation`));
    add(s, `${P.prov}agent`, iri(id.source(d.parent)));
    if (d.role !== null) {
      add(s, `${P.prov}hadRole`, iri(id.role(d.role)));
      roles.add(d.role);
    }
  }
  for (const role of [...roles].sort()) {
    add(id.role(role), RDF_TYPE, iri(`${P.prov}Role`));
    add(id.role(role), `${P.rdfs}label`, text(role));
  }
  return out;
}

// ---------------------------------------------------------------- serialisations

/** Turtle, with the prefixes above, written by n3's Writer. */
export function toTurtle(triples: readonly Triple[]): Promise<string> {
  const { namedNode, literal, quad } = DataFactory;
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  for (const t of triples) {
    const o = t.object;
    const object =
      o.kind === 'iri'
        ? namedNode(o.value)
        : o.kind === 'boolean'
          ? literal(String(o.value), namedNode(`${P.xsd}boolean`))
          : o.kind === 'integer'
            ? literal(String(o.value), namedNode(`${P.xsd}integer`))
            : o.datatype === null
              ? literal(o.value)
              : literal(o.value, namedNode(o.datatype));
    writer.addQuad(quad(namedNode(t.subject), namedNode(t.predicate), object));
  }
  return new Promise((resolve, reject) => writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))));
}

/** A full IRI as a compact one when a prefix fits (`prov:Entity`), else unchanged. */
function compact(full: string): string {
  for (const [prefix, ns] of Object.entries(PREFIXES)) {
    const local = full.slice(ns.length);
    if (full.startsWith(ns) && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(local)) return `${prefix}:${local}`;
  }
  return full;
}

type JsonLdValue = string | number | boolean | { '@id': string } | { '@value': string; '@type': string };

/** JSON-LD: an inline @context (no remote context to fetch) and one node per subject in @graph. */
export function toJsonLd(triples: readonly Triple[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const t of triples) {
    let node = nodes.get(t.subject);
    if (node === undefined) {
      node = { '@id': t.subject };
      nodes.set(t.subject, node);
    }
    const o = t.object;
    if (t.predicate === RDF_TYPE && o.kind === 'iri') {
      node['@type'] = [...((node['@type'] as string[] | undefined) ?? []), compact(o.value)];
      continue;
    }
    const value: JsonLdValue =
      o.kind === 'iri'
        ? { '@id': o.value }
        : o.kind === 'boolean' || o.kind === 'integer'
          ? o.value
          : o.datatype === null
            ? o.value
            : { '@value': o.value, '@type': compact(o.datatype) };
    const key = compact(t.predicate);
    const previous = node[key] as JsonLdValue | JsonLdValue[] | undefined;
    node[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { '@context': { ...PREFIXES }, '@graph': [...nodes.values()] };
}

export interface ProvOptions {
  format?: ProvFormat;
  /** The IRI base (default `urn:claimgraph:`). */
  base?: string;
}

/** The chain in the format asked for: JSON-LD pretty-printed (2 spaces), or Turtle. */
export async function serialiseProv(chain: ProvChain, options: ProvOptions = {}): Promise<string> {
  const triples = provTriples(chain, options.base ?? DEFAULT_IRI_BASE);
  return (options.format ?? 'JSONLD') === 'TURTLE' ? toTurtle(triples) : `${JSON.stringify(toJsonLd(triples), null, 2)}\n`;
}

/** The PROV of one claim, read from the store; an unknown claim is NOT_FOUND. */
export async function claimProvenance(store: GraphStore, claimId: string, options: ProvOptions = {}): Promise<string> {
  checkIriBase(options.base ?? DEFAULT_IRI_BASE); // a bad base fails before the store is asked
  const chain = (await readProvChains(store, [claimId])).get(claimId);
  if (chain === undefined) throw notFound('claim', claimId);
  return serialiseProv(chain, options);
}
