/**
 * Test helpers: parse claimgraph's PROV output back into triples, Turtle
 * with n3's Parser and JSON-LD with jsonld's toRDF (offline: a document
 * loader that refuses every URL, so a context that is not inline fails the
 * test instead of reaching the network), and ask questions of the triples.
 */
import * as jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';
import { PREFIXES } from '../../src/analysis/prov';

/** The namespaces claimgraph writes, as the code declares them. */
export const NS = PREFIXES;
export const TYPE = `${NS.rdf}type`;

export const parseTurtle = (text: string): Quad[] => new Parser({ format: 'text/turtle' }).parse(text);

/** The schema.org context, as far as the tests need it: every term is in the schema.org vocabulary. */
const SCHEMA_CONTEXT = { '@context': { '@vocab': 'https://schema.org/' } };

/**
 * JSON-LD to triples through jsonld's toRDF. Nothing is fetched: the
 * schema.org context ClaimReview names is served from the local copy above,
 * and any other remote context fails the test.
 */
export async function parseJsonLd(text: string): Promise<Quad[]> {
  const documentLoader = async (url: string) => {
    if (url === 'https://schema.org' || url === 'https://schema.org/') return { contextUrl: null, documentUrl: url, document: SCHEMA_CONTEXT };
    throw new Error(`The JSON-LD asked to fetch ${url}: only the schema.org context is served locally.`);
  };
  const nquads = await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: documentLoader as never,
  });
  return new Parser({ format: 'N-Quads' }).parse(nquads as string);
}

/** A term as N-Triples writes it: equal keys, equal terms. */
function key(term: Quad['object']): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const dt = term.datatype.value;
    return `${JSON.stringify(term.value)}${term.language ? `@${term.language}` : dt === `${NS.xsd}string` ? '' : `^^<${dt}>`}`;
  }
  return `${term.termType}:${term.value}`;
}

export type Obj = { iri: string } | { literal: string; datatype?: string };

/** A set of triples (default graph only) to ask questions of. */
export class Triples {
  readonly quads: Quad[];
  constructor(quads: Quad[]) {
    this.quads = quads;
  }
  /** Every triple as one N-Triples line, sorted: two graphs without blank nodes are isomorphic when these are equal. */
  lines(): string[] {
    return this.quads.map((q) => `${key(q.subject)} ${key(q.predicate)} ${key(q.object)} .`).sort();
  }
  blankNodes(): number {
    return this.quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode').length;
  }
  /** Objects of (subject, predicate): IRIs as `<iri>`, literals as their N-Triples form. */
  objects(subject: string, predicate: string): string[] {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => key(q.object)).sort();
  }
  /** Literal values of (subject, predicate). */
  values(subject: string, predicate: string): string[] {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate && q.object.termType === 'Literal').map((q) => q.object.value).sort();
  }
  subjects(predicate: string, object: string): string[] {
    return this.quads.filter((q) => q.predicate.value === predicate && q.object.value === object).map((q) => q.subject.value).sort();
  }
  types(subject: string): string[] {
    return this.objects(subject, TYPE).map((o) => o.slice(1, -1));
  }
  has(subject: string, predicate: string, object: string): boolean {
    return this.quads.some((q) => q.subject.value === subject && q.predicate.value === predicate && q.object.value === object);
  }
  /** Every triple about `subject`. */
  about(subject: string): Quad[] {
    return this.quads.filter((q) => q.subject.value === subject);
  }
}
