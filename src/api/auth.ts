import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { AuthConfig } from '../config';
import { ClaimgraphError, type ErrorCode } from '../errors';
import { hashKey, type ApiKeyEntry } from '../keys';
import type { Context } from './context';
import {
  ANONYMOUS,
  ANONYMOUS_EDITOR,
  headerValue,
  identifyEditor,
  ROLE_RANK,
  type HeaderSource,
  type Principal,
  type Role,
} from './identity';

/*
 * API keys and roles. A key is a random string the server never stores: the
 * configuration holds its SHA-256 only, and a presented key is hashed and
 * compared with every known hash in constant time. Each key maps to a role
 * and to the editor identity its writes are recorded under.
 */

export { generateKey, hashKey, KEY_PREFIX, keyLine, parseKeyEntries, type ApiKeyEntry } from '../keys';

/** The known keys. `find` hashes the presented key and compares it with every hash, matching or not. */
export class KeyRing {
  constructor(private readonly entries: readonly ApiKeyEntry[]) {}

  get size(): number {
    return this.entries.length;
  }

  find(key: string): ApiKeyEntry | null {
    const hash = hashKey(key);
    let found: ApiKeyEntry | null = null;
    // No early exit: the time taken does not depend on which entry matched.
    for (const entry of this.entries) {
      if (timingSafeEqual(hash, entry.hash) && found === null) found = entry;
    }
    return found;
  }
}

/** The challenge sent with every 401 (RFC 6750). */
export const WWW_AUTHENTICATE = 'Bearer realm="claimgraph"';

/** An authentication or authorization failure, with the HTTP status it is sent with. */
export class AuthError extends ClaimgraphError {
  constructor(
    code: Extract<ErrorCode, 'UNAUTHENTICATED' | 'FORBIDDEN'>,
    message: string,
    /** For a 401: the `error` of the WWW-Authenticate challenge, e.g. invalid_token. */
    readonly challenge?: string,
  ) {
    super(code, message);
  }

  get status(): number {
    return this.code === 'UNAUTHENTICATED' ? 401 : 403;
  }

  get wwwAuthenticate(): string | undefined {
    if (this.code !== 'UNAUTHENTICATED') return undefined;
    return this.challenge === undefined ? WWW_AUTHENTICATE : `${WWW_AUTHENTICATE}, error="${this.challenge}"`;
  }
}

const unauthenticated = (message: string, challenge?: string) => new AuthError('UNAUTHENTICATED', message, challenge);

/** The key a request presents (`Authorization: Bearer <key>` or `x-api-key: <key>`), or null. */
export function presentedKey(headers: HeaderSource): string | null {
  const one = (name: string): string | undefined => {
    const raw = headerValue(headers, name);
    if (Array.isArray(raw)) {
      if (raw.length !== 1) throw unauthenticated(`Send the ${name} header once, got it ${raw.length} times.`, 'invalid_request');
      return raw[0];
    }
    return raw;
  };
  const authorization = one('authorization');
  const apiKey = one('x-api-key')?.trim();
  let bearer: string | undefined;
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
    // The header's value is never echoed: it may be a credential.
    if (match === null) throw unauthenticated('The Authorization header must be "Bearer <API key>".', 'invalid_request');
    bearer = match[1];
  }
  if (bearer !== undefined && apiKey !== undefined && bearer !== apiKey) {
    throw unauthenticated('The request carries two different keys (Authorization and x-api-key): send one.', 'invalid_request');
  }
  const key = bearer ?? apiKey;
  return key === undefined || key === '' ? null : key;
}

/** How the HTTP layer learns who is asking; throws an AuthError (401) or a BAD_USER_INPUT (400). */
export class Authenticator {
  readonly keys: KeyRing;

  constructor(readonly config: AuthConfig) {
    this.keys = new KeyRing(config.keys);
  }

  authenticate(headers: HeaderSource): Principal {
    if (this.config.off) {
      // Local development only (config refuses it with keys or in production).
      return { role: 'admin', editor: identifyEditor(headers) ?? ANONYMOUS_EDITOR, via: 'header' };
    }
    const key = presentedKey(headers);
    if (key !== null) {
      const entry = this.keys.find(key);
      if (entry === null) throw unauthenticated('The API key is not valid: it matches no configured key.', 'invalid_token');
      return { role: entry.role, editor: entry.editor, via: 'key' };
    }
    if (this.config.readAccess === 'key') {
      throw unauthenticated('This server needs an API key to answer: send "Authorization: Bearer <API key>".');
    }
    return ANONYMOUS;
  }
}

/**
 * The role each mutation needs. Edits need `editor`; what removes or rewrites
 * many records at once needs `admin`. A mutation missing here (added later)
 * needs `admin` until it is listed.
 */
export const MUTATION_ROLES: Readonly<Record<string, Role>> = {
  createSource: 'editor',
  updateSource: 'editor',
  createEntity: 'editor',
  updateEntity: 'editor',
  createDocument: 'editor',
  updateDocument: 'editor',
  createClaim: 'editor',
  updateClaim: 'editor',
  recordStatement: 'editor',
  linkClaims: 'editor',
  unlinkClaims: 'editor',
  mergeSources: 'admin',
  mergeEntities: 'admin',
  mergeClaims: 'admin',
  rejectDuplicate: 'editor',
  delete: 'admin',
  importBundle: 'admin',
  importBundles: 'admin',
  // analysis (schema/credibility.graphql, schema/question.graphql): judgements recorded under the editor
  rateSource: 'editor',
  assessClaim: 'editor',
  createQuestion: 'editor',
  updateQuestion: 'editor',
  setAchCell: 'editor',
  clearAchCell: 'editor',
};

export const roleOfMutation = (field: string): Role => MUTATION_ROLES[field] ?? 'admin';

/**
 * Queries that need more than a reader: what only the role that acts on the
 * answer may see. A deletion preview lists everything a deletion would
 * remove, and its token confirms the deletion: the role of `delete`.
 */
export const QUERY_ROLES: Readonly<Record<string, Role>> = {
  deletionPreview: roleOfMutation('delete'),
};

/** The root fields an operation selects, through fragments and inline fragments. */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f !== undefined) walk(f.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/** The role an operation needs, and the root field that needs it. */
export function requiredRole(document: DocumentNode, operation: OperationDefinitionNode): { role: Role; field: string | null } {
  if (operation.operation === 'subscription') return { role: 'reader', field: null };
  let need: { role: Role; field: string | null } = { role: 'reader', field: null };
  for (const field of rootFields(document, operation)) {
    if (field === '__typename') continue;
    const role = operation.operation === 'mutation' ? roleOfMutation(field) : (QUERY_ROLES[field] ?? 'reader');
    if (operation.operation === 'query' && role === 'reader') continue;
    if (need.field === null || ROLE_RANK[role] > ROLE_RANK[need.role]) need = { role, field };
  }
  return need;
}

/** A root field as messages name it: "The query deletionPreview", "The mutation delete". */
const fieldName = (field: string): string => `The ${QUERY_ROLES[field] !== undefined ? 'query' : 'mutation'} ${field}`;

const HOW_TO_ADD_A_KEY =
  'Create one with "npx claimgraph key create --role editor --editor NAME" and put the line it prints in CLAIMGRAPH_API_KEYS or CLAIMGRAPH_API_KEYS_FILE.';

/** Checks `principal` may run an operation that needs `need`; throws an AuthError otherwise. */
export function authorize(principal: Principal, need: { role: Role; field: string | null }, config: AuthConfig): void {
  if (principal.role === null) {
    if (need.field === null) {
      if (config.readAccess === 'key') throw unauthenticated('This server needs an API key to answer: send "Authorization: Bearer <API key>".');
      return;
    }
    if (config.keys.length === 0 && !config.off) {
      throw new AuthError('FORBIDDEN', `Writes are turned off: no API key is configured on this server. ${HOW_TO_ADD_A_KEY}`);
    }
    throw unauthenticated(`${fieldName(need.field)} needs an API key with role ${need.role}: send "Authorization: Bearer <API key>".`);
  }
  if (ROLE_RANK[principal.role] < ROLE_RANK[need.role]) {
    throw new AuthError('FORBIDDEN', `${fieldName(need.field ?? '')} needs role ${need.role}; this key has role ${principal.role}.`);
  }
}

/** An AuthError as Apollo sends it: the status (and challenge) ride in `extensions.http`, which Apollo strips from the body. */
export function toGraphQLError(error: AuthError): GraphQLError {
  const headers = new Map<string, string>();
  const challenge = error.wwwAuthenticate;
  if (challenge !== undefined) headers.set('www-authenticate', challenge);
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: error.status, headers } } });
}

/**
 * Checks every operation's role before it runs: over HTTP and in-process
 * alike. The role an operation needs depends on its document only, and Apollo
 * reuses the parsed document of a query it has seen: it is worked out once
 * per operation, and checked against each caller.
 */
export function authPlugin(config: AuthConfig): ApolloServerPlugin<Context> {
  const needs = new WeakMap<OperationDefinitionNode, { role: Role; field: string | null }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation === undefined || operation === null) return;
          let need = needs.get(operation);
          if (need === undefined) {
            need = requiredRole(document, operation);
            needs.set(operation, need);
          }
          try {
            authorize(contextValue.principal, need, config);
          } catch (error) {
            throw error instanceof AuthError ? toGraphQLError(error) : error;
          }
        },
      };
    },
  };
}
