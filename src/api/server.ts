import { createServer, maxHeaderSize, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { getOperationAST, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { claimReviewFeed } from '../analysis/claimreview';
import { DEFAULT_LIMITS, loadApiConfig, type ApiConfig } from '../config';
import { schemaDir } from '../paths';
import { ClaimgraphError, show } from '../errors';
import { exportBundle } from '../graph/export';
import { EmbeddedStore } from '../store/embedded-store';
import type { GraphStore } from '../store/port';
import { achResolvers } from './ach-resolvers';
import { analysisResolvers } from './analysis-resolvers';
import { credibilityResolvers } from './credibility-resolvers';
import { AuthError, Authenticator, authPlugin, roleOfMutation, rootFields } from './auth';
import { CONSOLE_PAGE } from './console-page';
import { createContext, type Context, type RequestFacts } from './context';
import { claimOfPermalinkPath, defaultAppDir, encodedBody, loadClaimPermalinkPage, loadExplorer, sendClaimPermalinkPage, type EmbeddedAnswer } from './explorer';
import { formatError } from './errors';
import { ROLE_RANK, type Principal } from './identity';
import { costPlugin, presentError, shapeLimitsRule } from './limits';
import { REQUEST_ID_HEADER, requestIdOf, silentLogger, type Logger } from './logging';
import { editingResolvers, withInputProblems } from './mutations';
import { setMaxPageSize } from './pagination';
import { parseRequestTarget, type RequestTarget } from './request-target';
import { nodeResolvers } from './nodes';
import { describeUtf8Problem, utf8Problem } from '../utf8';
import { resolvers } from './resolvers';
import { scalarResolvers } from './scalars';
import { knownOperationTypesRule, loadTypeDefs } from './schema';

/** Largest request body accepted on /graphql by default (CLAIMGRAPH_MAX_BODY_BYTES). */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;

export interface ServerOptions {
  /** Keys, limits, introspection, console; default: the development defaults with no key (writes refused). */
  api: ApiConfig;
  /** Default: silent. `claimgraph serve` logs JSON lines to stdout. */
  logger: Logger;
  /** Apollo plugins added after ours (instrumentation, tests). */
  plugins: ApolloServerPlugin<Context>[];
  /** The built explorer (default dist/app); null serves none. */
  appDir: string | null;
}

let developmentDefaults: ApiConfig | undefined;
const defaultApi = (): ApiConfig => (developmentDefaults ??= loadApiConfig({}));

/**
 * Every GraphQL response, data or errors, says `cache-control: no-store`: an
 * answer depends on the caller's key and on edits, so no cache may keep it.
 * (Apollo's cache-control plugin said the same, at the price of a hook on
 * every resolved field; it is turned off, as no type carries a cache hint.)
 */
const NO_STORE = 'no-store';

/** Records what the access log says about the operation (its name, its type, the error codes sent), and marks the response no-store. */
function requestFactsPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          const facts = contextValue.request;
          if (facts === undefined) return;
          facts.operationName = operationName;
          if (operation) facts.operationType = operation.operation;
          logger.debug({ reqId: facts.id, operationName, operationType: facts.operationType }, 'operation resolved');
        },
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('cache-control', NO_STORE);
          const facts = contextValue?.request;
          if (facts === undefined || response.body.kind !== 'single') return;
          facts.errorCodes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL'));
        },
      };
    },
  };
}

/**
 * The GraphQL server, transport-free: tests run operations on it in-process
 * (where the context names the caller directly); over HTTP, startHttpServer
 * authenticates first. Roles and limits are checked either way.
 */
export function createApolloServer(options: Partial<ServerOptions> = {}): ApolloServer<Context> {
  const api = options.api ?? defaultApi();
  const logger = options.logger ?? silentLogger();
  setMaxPageSize(api.limits.maxPageSize);
  // Without a logger (in-process tests), formatError's own default writes to stderr.
  const logInternal = options.logger ? (message: string, error: unknown) => logger.error({ err: error }, message) : undefined;
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: [scalarResolvers, nodeResolvers, resolvers, editingResolvers, achResolvers, analysisResolvers, credibilityResolvers],
    formatError: (formatted, error) => presentError(withInputProblems(formatError(formatted, error, logInternal)), api.production),
    includeStacktraceInErrorResponses: false,
    introspection: api.introspection,
    // Apollo's own suggestion filter for validation errors; presentError also strips them from variable errors.
    hideSchemaDetailsFromClientErrors: api.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // Apollo's own SIGTERM handler (on unless NODE_ENV=test) stops Apollo and re-sends the signal,
    // which kills the process in the middle of `serve`'s graceful shutdown: the owner of the
    // server handles signals (RunningServer.stop).
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: api.limits.maxTokens },
    validationRules: [knownOperationTypesRule, shapeLimitsRule(api.limits, api.production)],
    // Apollo's landing page needs a CDN; GET /console serves a self-contained console instead.
    // No cache hints, no federation, no Apollo Studio: those plugins only cost
    // time per request (cache control hooks every resolved field) or send
    // operations off the server.
    // The auth plugin comes first: an anonymous caller learns nothing about limits.
    // Parsed and validated documents are cached by Apollo's default documentStore
    // (an LRU keyed by the query's SHA-256): test/api/operation-cache.test.ts.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      authPlugin(api.auth),
      costPlugin(api.limits, api.production),
      requestFactsPlugin(logger),
      ...(options.plugins ?? []),
    ],
  });
}

export interface RunningServer {
  url: string;
  server: Server;
  apollo: ApolloServer<Context>;
  /**
   * Stops accepting connections, lets in-flight requests finish (up to
   * `graceMs`, default CLAIMGRAPH_SHUTDOWN_GRACE_MS, then their connections
   * are closed), then stops Apollo. The store stays open: its owner closes it.
   */
  stop(graceMs?: number): Promise<void>;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** How long an idle keep-alive connection stays open (Node's default is 5 s). */
export const KEEP_ALIVE_MS = 65_000;

/** The media type of our own JSON answers: the GraphQL one when the client accepts it, as GraphQL over HTTP asks. */
function jsonType(req: IncomingMessage): string {
  return (req.headers.accept ?? '').includes(GRAPHQL_RESPONSE) ? GRAPHQL_RESPONSE : 'application/json';
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, type = 'application/json'): void {
  res.writeHead(status, { ...headers, 'content-type': `${type}; charset=utf-8` });
  res.end(JSON.stringify(body));
}

/** Where the ClaimReview data feed and the schema.org context are served. */
export const CLAIMREVIEW_FEED_PATH = '/claimreview-feed.jsonld';
export const SCHEMA_ORG_CONTEXT_PATH = '/contexts/schema.org.jsonld';

let contextText: string | null = null;
/** schema/schema.org.context.jsonld: the context `"@context": "https://schema.org"` stands for, as far as ClaimReview uses it. */
const schemaOrgContext = (): string => (contextText ??= readFileSync(join(schemaDir(), 'schema.org.context.jsonld'), 'utf8'));

const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

/** The methods the server answers, for `Allow`. */
const ALLOW = 'GET, POST';

/**
 * A JSON answer written straight to a socket that Node's HTTP server has
 * let go of (a request it could not parse, a CONNECT): then the connection
 * closes. Not waiting for the client to close it keeps a socket from lingering.
 */
function answerOnSocket(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(text)}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${text}`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/** What a client whose request Node's HTTP parser refused is told, by the parser's error code. */
function malformedAnswer(code: string, reason: string): { status: number; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: `Request headers too large: expected at most ${maxHeaderSize} bytes of request line and headers, got more.` };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, message: 'Chunk extensions too large: expected at most 16 KiB of them, got more.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'Request timeout: expected the whole request within the server\'s request timeout, got only part of it.' };
    default:
      return { status: 400, message: `Malformed request: expected HTTP/1.1 (a request line "METHOD target HTTP/1.1", header lines, an empty line, then the body), got what the HTTP parser refused: ${reason} (${code}).` };
  }
}

/** What a client is told about a request target that is not one. */
const badTargetMessage = (raw: string, expected: string) => `Bad request target: expected ${expected}, got ${show(raw)}.`;

/** The target as the access log shows it: as sent, shortened so a long one cannot flood the log. */
const loggedTarget = (raw: string) => (raw.length > 200 ? `${raw.slice(0, 199)}…` : raw);

/**
 * The media types Apollo's CSRF prevention answers itself (a browser sends
 * them without a preflight): they reach Apollo, which refuses them saying why.
 */
const SIMPLE_REQUEST_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * A request's Content-Type, compared as RFC 9110 says: the type and subtype
 * without regard to case, parameters apart. JSON is `application/json`
 * exactly (not `application/jsonp`), in UTF-8 (RFC 8259) when a charset is given.
 */
export function mediaTypeOf(header: string | undefined): { json: boolean; problem: string | null } {
  if (header === undefined || header.trim() === '') return { json: false, problem: null };
  const [essence = '', ...params] = header.split(';').map((part) => part.trim());
  const type = essence.toLowerCase();
  if (type === 'application/json') {
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((x) => x.trim());
      const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
      if (name.toLowerCase() === 'charset' && charset !== 'utf-8' && charset !== 'utf8') {
        return { json: true, problem: `Unsupported charset: expected application/json in UTF-8 (charset=utf-8 or none), got ${show(header)}.` };
      }
    }
    return { json: true, problem: null };
  }
  if (SIMPLE_REQUEST_TYPES.has(type)) return { json: false, problem: null };
  return { json: false, problem: `Unsupported Content-Type: expected application/json, got ${show(header)}.` };
}

class BodyTooLarge extends Error {}

/** The request stream broke off (the client closed or reset the connection, or sent a body that does not parse): not a server failure. */
class ClientGone extends Error {}

/** The request body, or BodyTooLarge once more than `limit` bytes arrive (the rest is left unread). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // Listeners rather than `for await`: an async iterator per request costs more than the read of a small body.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    // The request stream fails only from the client's side of the connection (reset, closed early).
    const onError = (error: Error) => {
      done();
      reject(new ClientGone(error.message));
    };
    const onAborted = () => onError(new Error('the connection closed before the request body ended'));
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    // 'close' before 'end': the client went away mid-body.
    const onClose = () => {
      if (!req.complete) onAborted();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Whether a parsed request body runs only `importBundle` or `importBundles` (the operations allowed the larger body). */
function isImportOnly(body: unknown, maxTokens: number): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, { maxTokens });
    const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
    if (!operation || operation.operation !== 'mutation') return false;
    const fields = rootFields(document, operation).filter((f) => f !== '__typename');
    return fields.length > 0 && fields.every((f) => f === 'importBundle' || f === 'importBundles');
  } catch {
    return false;
  }
}

/** What the access log line holds besides the facts Apollo fills in. */
interface Exchange {
  facts: RequestFacts;
  target: RequestTarget;
  /** The target as sent, for the log when it is not a valid one. */
  rawTarget: string;
  principal?: Principal;
  bytesIn?: number;
}

/**
 * Serves the API over HTTP: GraphQL at /graphql, the explorer at / (when
 * built and enabled), a query console at /console (when enabled), liveness
 * at /health and readiness (the store answers) at /ready. `port: 0` picks a
 * free port (tests).
 */
export async function startHttpServer(store: GraphStore, port: number, host: string | null = null, options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const api = options.api ?? defaultApi();
  const logger = options.logger ?? silentLogger();
  const { limits } = api;
  const apollo = createApolloServer({ api, logger, ...(options.plugins ? { plugins: options.plugins } : {}) });
  await apollo.start();
  const authenticator = new Authenticator(api.auth);
  const importerRank = ROLE_RANK[roleOfMutation('importBundle')];
  const appDir = options.appDir === undefined ? defaultAppDir() : options.appDir;
  const explorer = api.explorer && appDir !== null ? loadExplorer(appDir) : null;
  const claimPermalinkPage = explorer !== null && appDir !== null ? loadClaimPermalinkPage(appDir) : null;
  if (api.explorer && appDir !== null && explorer === null) logger.warn({ appDir }, 'the explorer is not built (npm run build builds it): GET / answers 404');
  let draining = false;

  const tooLarge = (req: IncomingMessage, res: ServerResponse, allowed: number) => {
    const detail = api.production ? '' : ` At most ${allowed} bytes${allowed < limits.maxImportBodyBytes ? ` (${limits.maxImportBodyBytes} for importBundle with an admin key)` : ''}.`;
    // The rest of the body is not read: close the connection rather than drain it.
    res.setHeader('connection', 'close');
    sendJson(res, 413, errorBody(`Request body too large.${detail}`, 'BAD_USER_INPUT'), {}, jsonType(req));
  };

  /**
   * POST /admin/backup (admin key): an online backup of the embedded store,
   * a consistent copy at the last commit written into the `backups` folder
   * beside the store while the server keeps serving (docs/OPERATIONS.md).
   */
  const handleBackup = async (req: IncomingMessage, res: ServerResponse, exchange: Exchange): Promise<void> => {
    let principal: Principal;
    try {
      principal = authenticator.authenticate(req.headersDistinct);
    } catch (error) {
      if (error instanceof AuthError) {
        const challenge = error.wwwAuthenticate;
        return sendJson(res, error.status, errorBody(error.message, error.code), challenge ? { 'www-authenticate': challenge } : {});
      }
      throw error;
    }
    exchange.principal = principal;
    if (principal.role === null) {
      exchange.facts.errorCodes.push('UNAUTHENTICATED');
      return sendJson(res, 401, errorBody('A backup needs an API key with role admin: send "Authorization: Bearer <API key>".', 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer realm="claimgraph"' });
    }
    if (ROLE_RANK[principal.role] < ROLE_RANK.admin) {
      exchange.facts.errorCodes.push('FORBIDDEN');
      return sendJson(res, 403, errorBody(`A backup needs role admin; this key has role ${principal.role}.`, 'FORBIDDEN'));
    }
    if (!(store instanceof EmbeddedStore) || store.path === null) {
      exchange.facts.errorCodes.push('BAD_USER_INPUT');
      const message = store.engine === 'neo4j' ? 'Back up Neo4j with its own tools (neo4j-admin database dump); this route backs up the embedded store.' : 'The embedded store is in memory: there is nothing on disk to back up.';
      return sendJson(res, 400, errorBody(message, 'BAD_USER_INPUT'));
    }
    const to = join(dirname(store.path), 'backups', `graph-${new Date().toISOString().replace(/[:.]/g, '-')}.grafeo`);
    const done = await store.backup(to);
    logger.info({ reqId: exchange.facts.id, path: done.path, epoch: Number(done.epoch), bytes: done.bytes }, 'backup written');
    return sendJson(res, 200, { path: done.path, commit: Number(done.epoch), bytes: done.bytes });
  };

  /** GET /admin/export (an editor's key or more): the whole graph as one bundle, as `claimgraph export` writes it, while the server runs. */
  const handleExport = async (req: IncomingMessage, res: ServerResponse, exchange: Exchange): Promise<void> => {
    const principal = authenticateFor(req, res, exchange, 'editor', 'An export');
    if (principal === null) return;
    const bundle = await exportBundle(store);
    return sendJson(res, 200, bundle);
  };

  /** The principal of a request that needs `role`, or null once it was answered 401/403. */
  const authenticateFor = (req: IncomingMessage, res: ServerResponse, exchange: Exchange, role: 'editor' | 'admin', what: string): Principal | null => {
    let principal: Principal;
    try {
      principal = authenticator.authenticate(req.headersDistinct);
    } catch (error) {
      if (error instanceof AuthError) {
        const challenge = error.wwwAuthenticate;
        sendJson(res, error.status, errorBody(error.message, error.code), challenge ? { 'www-authenticate': challenge } : {});
        return null;
      }
      throw error;
    }
    exchange.principal = principal;
    if (principal.role === null) {
      exchange.facts.errorCodes.push('UNAUTHENTICATED');
      sendJson(res, 401, errorBody(`${what} needs an API key with role ${role}: send "Authorization: Bearer <API key>".`, 'UNAUTHENTICATED'), { 'www-authenticate': 'Bearer realm="claimgraph"' });
      return null;
    }
    if (ROLE_RANK[principal.role] < ROLE_RANK[role]) {
      exchange.facts.errorCodes.push('FORBIDDEN');
      sendJson(res, 403, errorBody(`${what} needs role ${role}; this key has role ${principal.role}.`, 'FORBIDDEN'));
      return null;
    }
    return principal;
  };

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, search: string, exchange: Exchange): Promise<void> => {
    const started = performance.now();
    let principal: Principal;
    try {
      principal = authenticator.authenticate(req.headersDistinct);
    } catch (error) {
      if (error instanceof AuthError) {
        const challenge = error.wwwAuthenticate;
        return sendJson(res, error.status, errorBody(error.message, error.code), challenge ? { 'www-authenticate': challenge } : {}, jsonType(req));
      }
      if (error instanceof ClaimgraphError && error.code === 'BAD_USER_INPUT') {
        return sendJson(res, 400, { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] }, {}, jsonType(req));
      }
      throw error;
    }
    exchange.principal = principal;

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      // Only a key that may import is read past the small limit, and only for importBundle.
      const mayImport = principal.role !== null && ROLE_RANK[principal.role] >= importerRank;
      const allowed = mayImport ? limits.maxImportBodyBytes : limits.maxBodyBytes;
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > allowed) return tooLarge(req, res, limits.maxBodyBytes);
      let raw: Buffer;
      try {
        raw = await readBody(req, allowed);
      } catch (error) {
        if (error instanceof BodyTooLarge) return tooLarge(req, res, limits.maxBodyBytes);
        throw error;
      }
      exchange.bytesIn = raw.length;
      const media = mediaTypeOf(headers.get('content-type'));
      if (media.problem !== null) return sendJson(res, 415, errorBody(media.problem, 'BAD_REQUEST'), {}, jsonType(req));
      // Bytes that are not UTF-8 would become U+FFFD, ids included: refused, with where they are.
      const broken = utf8Problem(raw);
      if (broken !== null) return sendJson(res, 400, errorBody(`The request body is not UTF-8: ${describeUtf8Problem(raw, broken)}.`, 'BAD_REQUEST'), {}, jsonType(req));
      const text = raw.toString('utf8');
      if (media.json) {
        // Apollo reads the type again: it is given the canonical spelling.
        headers.set('content-type', 'application/json');
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, errorBody('The request body is not valid JSON: expected {"query": "...", "variables": {...}}.', 'BAD_REQUEST'), {}, jsonType(req));
        }
      } else {
        body = text;
      }
      // Only a body past the small limit is parsed here (Apollo parses it again): the usual request is parsed once, or not at all.
      if (raw.length > limits.maxBodyBytes && !isImportOnly(body, limits.maxTokens)) return tooLarge(req, res, limits.maxBodyBytes);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => createContext(store, principal, exchange.facts, { maxBytes: limits.maxOutputBytes, production: api.production }),
    });
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    // The server's own share of the request (W3C Server Timing): a browser's timeline then tells it from the network's and the queueing's.
    res.setHeader('server-timing', `graphql;dur=${(performance.now() - started).toFixed(1)}`);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  /**
   * A claim's permalink's first answers: the app's own operations (as its
   * build wrote them) run through this server's executor, as the visitor
   * (a navigation carries no key: anonymous), so they answer exactly as the
   * app's requests would. An operation that errs is left out.
   */
  const claimPageAnswers = async (req: IncomingMessage, exchange: Exchange, id: string): Promise<EmbeddedAnswer[]> => {
    let principal: Principal;
    try {
      principal = authenticator.authenticate(req.headersDistinct);
    } catch (error) {
      if (error instanceof AuthError || error instanceof ClaimgraphError) return [];
      throw error;
    }
    exchange.principal = principal;
    const answers = await Promise.all(
      (claimPermalinkPage?.operations ?? []).map(async ({ query, variables }): Promise<EmbeddedAnswer | null> => {
        const operationVariables = { ...variables, id };
        const response = await apollo.executeOperation(
          { query, variables: operationVariables },
          { contextValue: createContext(store, principal, { id: exchange.facts.id, errorCodes: [] }, { maxBytes: limits.maxOutputBytes, production: api.production }) },
        );
        if (response.body.kind !== 'single') return null;
        const { data, errors } = response.body.singleResult;
        return errors === undefined && data !== undefined && data !== null ? { query, variables: operationVariables, data } : null;
      }),
    );
    return answers.filter((a): a is EmbeddedAnswer => a !== null);
  };

  const accessLog = (req: IncomingMessage, res: ServerResponse, exchange: Exchange, started: number) => {
    const { facts, principal, target } = exchange;
    const path = target.form === 'origin' || target.form === 'absolute' ? target.path : undefined;
    const entry = {
      reqId: facts.id,
      method: req.method,
      ...(path !== undefined ? { path } : { target: loggedTarget(exchange.rawTarget) }),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(facts.operationName !== undefined ? { operationName: facts.operationName } : {}),
      ...(facts.operationType !== undefined ? { operationType: facts.operationType } : {}),
      ...(facts.errorCodes.length > 0 ? { errorCodes: [...new Set(facts.errorCodes)] } : {}),
      ...(principal ? { role: principal.role ?? 'anonymous', ...(principal.editor !== null ? { editor: principal.editor } : {}) } : {}),
      ...(exchange.bytesIn !== undefined ? { bytesIn: exchange.bytesIn } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    // Probes come every few seconds: at debug, so they do not drown the log.
    const level = res.statusCode >= 500 ? 'error' : path === '/health' || path === '/ready' ? 'debug' : 'info';
    logger[level](entry, 'request');
  };

  /** The responses still open on each connection: a parse error must not write into one that has begun. */
  const openResponses = new WeakMap<Duplex, Set<ServerResponse>>();

  // The Host check is ours (below), so that its 400 is a coded JSON error like every other.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const started = performance.now();
    const rawTarget = req.url ?? '';
    const target = parseRequestTarget(req.method ?? '', rawTarget);
    const exchange: Exchange = { facts: { id: requestIdOf(req.headersDistinct), errorCodes: [] }, target, rawTarget };
    const socket = req.socket;
    const open = openResponses.get(socket) ?? new Set<ServerResponse>();
    openResponses.set(socket, open.add(res));
    res.setHeader(REQUEST_ID_HEADER, exchange.facts.id);
    // While draining, each connection closes after its response, so the server can finish.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      open.delete(res);
      accessLog(req, res, exchange, started);
      // A response that began before the server started stopping kept its connection alive:
      // now idle, it would hold the stop until the keep-alive timeout.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    const route = async (): Promise<void> => {
      if (target.form === 'invalid') {
        exchange.facts.errorCodes.push('BAD_USER_INPUT');
        return sendJson(res, 400, errorBody(badTargetMessage(rawTarget, target.expected), 'BAD_USER_INPUT'), {}, jsonType(req));
      }
      // RFC 9112 3.2: an HTTP/1.1 request without a Host header, or any with two, gets 400.
      const hosts = req.headersDistinct.host?.length ?? 0;
      if (hosts > 1 || (hosts === 0 && req.httpVersion === '1.1')) {
        exchange.facts.errorCodes.push('BAD_USER_INPUT');
        return sendJson(res, 400, errorBody(`Bad Host header: expected exactly one (HTTP/1.1 requires it), got ${hosts}.`, 'BAD_USER_INPUT'), {}, jsonType(req));
      }
      if (target.form === 'asterisk') {
        res.writeHead(204, { allow: ALLOW });
        res.end();
        return;
      }
      // CONNECT never comes here: Node hands it to the 'connect' listener below.
      if (target.form === 'authority') return sendJson(res, 405, errorBody(`Method CONNECT is not allowed: this server is not a proxy; expected ${ALLOW}.`, 'BAD_USER_INPUT'), { allow: ALLOW }, jsonType(req));
      const { path, search } = target;
      if (path === '/graphql') return handleGraphQL(req, res, search, exchange);
      if (path === '/admin/backup' && req.method === 'POST') return handleBackup(req, res, exchange);
      if (path === '/admin/export' && req.method === 'GET') return handleExport(req, res, exchange);
      if (path === '/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (path === '/ready' && req.method === 'GET') {
        try {
          await store.ping();
          return sendJson(res, 200, { status: 'ready', engine: store.engine });
        } catch {
          return sendJson(res, 503, { status: 'unavailable', engine: store.engine });
        }
      }
      // The ClaimReview data feed: every assessed claim's latest assessment, readable by whoever may read.
      if (path === CLAIMREVIEW_FEED_PATH && req.method === 'GET') {
        try {
          exchange.principal = authenticator.authenticate(req.headersDistinct);
        } catch (error) {
          if (!(error instanceof AuthError)) throw error;
          const challenge = error.wwwAuthenticate;
          return sendJson(res, error.status, errorBody(error.message, error.code), challenge ? { 'www-authenticate': challenge } : {});
        }
        const { feed, omitted } = await claimReviewFeed(store);
        // Reviews without a url are left out (the profile requires one): say how many, and which.
        const headers: Record<string, string> = { 'x-claimgraph-omitted': String(omitted.length) };
        if (omitted.length > 0) headers['x-claimgraph-omitted-claims'] = omitted.slice(0, 50).map((o) => encodeURIComponent(o.claim)).join(',');
        return sendJson(res, 200, feed, headers, 'application/ld+json');
      }
      // The schema.org context the ClaimReviews name, shipped beside them: a JSON-LD processor expands them offline with it.
      if (path === SCHEMA_ORG_CONTEXT_PATH && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/ld+json; charset=utf-8' });
        res.end(schemaOrgContext());
        return;
      }
      if (path === '/console' && req.method === 'GET' && api.console) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(CONSOLE_PAGE);
        return;
      }
      const permalinked = req.method === 'GET' && claimPermalinkPage !== null ? claimOfPermalinkPath(path) : null;
      if (permalinked !== null && claimPermalinkPage !== null) return sendClaimPermalinkPage(req, res, claimPermalinkPage, () => claimPageAnswers(req, exchange, permalinked));
      const file = req.method === 'GET' ? explorer?.get(path) : undefined;
      if (file !== undefined) {
        const { body, coding } = encodedBody(file, req.headers['accept-encoding']);
        res.writeHead(200, coding === null ? file.headers : { ...file.headers, 'content-encoding': coding });
        res.end(body);
        return;
      }
      if (path === '/' && req.method === 'GET' && api.explorer && explorer === null) {
        return sendJson(res, 404, { error: 'The explorer is not built: `npm run build` builds it into dist/app. GraphQL is served at /graphql.' });
      }
      sendJson(res, 404, { error: `No route ${req.method ?? ''} ${path}: GraphQL is served at /graphql.` });
    };
    route().catch((error: unknown) => {
      if (error instanceof ClientGone) {
        // Nobody is left to answer (the client left, or sent a body the parser refused and was
        // answered 400 by the clientError listener): the client's doing, so no stack.
        logger.info({ reqId: exchange.facts.id, detail: error.message }, 'the request broke off before its body ended');
        res.destroy();
        return;
      }
      logger.error({ reqId: exchange.facts.id, err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal error.', 'INTERNAL'));
      else res.end();
    });
  });

  // Node's own answer to a request its parser refuses has no body; ours is a coded JSON error,
  // logged as the client's (no stack). As in Node's, nothing is written to a reset connection
  // or into a response already under way.
  server.on('clientError', (error: NodeJS.ErrnoException & { reason?: unknown }, socket: Duplex) => {
    const code = error.code ?? 'UNKNOWN';
    const begun = [...(openResponses.get(socket) ?? [])].some((res) => res.headersSent);
    if (code === 'ECONNRESET' || !socket.writable || begun) {
      logger.debug({ code }, 'connection dropped');
      socket.destroy();
      return;
    }
    const reason = typeof error.reason === 'string' ? error.reason : error.message;
    const { status, message } = malformedAnswer(code, reason);
    logger.info({ code, reason, status }, 'malformed request');
    answerOnSocket(socket, status, errorBody(message, 'BAD_USER_INPUT'));
  });

  // CONNECT (a proxy's method) never reaches the request listener: without this one Node closes
  // the connection unanswered. The socket is ours from here, errors included.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const rawTarget = req.url ?? '';
    const target = parseRequestTarget('CONNECT', rawTarget);
    const reqId = requestIdOf(req.headersDistinct);
    const [status, message] =
      target.form === 'invalid'
        ? [400, badTargetMessage(rawTarget, target.expected)]
        : [405, `Method CONNECT is not allowed: this server is not a proxy; expected ${ALLOW}.`];
    logger.info({ reqId, method: 'CONNECT', target: loggedTarget(rawTarget), status, errorCodes: ['BAD_USER_INPUT'] }, 'request');
    answerOnSocket(socket, status, errorBody(message, 'BAD_USER_INPUT'), { allow: ALLOW, [REQUEST_ID_HEADER]: reqId });
  });

  // Keep idle client connections longer than a load balancer's usual idle
  // timeout (60 s), so it never reuses one the server is closing, and a client
  // pausing between requests skips a new handshake. stop() closes idle ones at once.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    if (host === null) server.listen(port, () => resolveListen());
    else server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host ?? 'localhost'}:${address.port}/graphql`,
    server,
    apollo,
    stop(graceMs = api.shutdownGraceMs) {
      stopping ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<'late'>((resolveGrace) => {
          timer = setTimeout(() => resolveGrace('late'), graceMs);
        });
        if ((await Promise.race([closed, grace])) === 'late') {
          logger.warn({ graceMs }, 'in-flight requests outlasted the shutdown grace period: closing their connections');
          server.closeAllConnections();
          await closed;
        }
        clearTimeout(timer);
        await apollo.stop();
      })();
      return stopping;
    },
  };
}

