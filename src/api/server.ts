import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ClaimgraphError } from '../errors';
import type { GraphStore } from '../store/port';
import { CONSOLE_PAGE } from './console-page';
import { createContext, type Context } from './context';
import { formatError } from './errors';
import { identifyEditor } from './identity';
import { editingResolvers, withInputProblems } from './mutations';
import { resolvers } from './resolvers';
import { loadTypeDefs } from './schema';

/** Largest request body accepted on /graphql. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The GraphQL server, transport-free: tests run operations on it in-process. */
export function createApolloServer(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: [resolvers, editingResolvers],
    formatError: (formatted, error) => withInputProblems(formatError(formatted, error)),
    includeStacktraceInErrorResponses: false,
    // Apollo's landing page needs a CDN; GET / serves a self-contained console instead.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}

export interface RunningServer {
  url: string;
  server: Server;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the API over HTTP: GraphQL at /graphql, a query console at /,
 * liveness at /health and readiness (the store answers) at /ready.
 * `port: 0` picks a free port (tests).
 */
export async function startHttpServer(store: GraphStore, port: number, host: string | null = null): Promise<RunningServer> {
  const apollo = createApolloServer();
  await apollo.start();

  const handleGraphQL = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let editor: string | null;
    try {
      editor = identifyEditor(req.headersDistinct);
    } catch (error) {
      if (error instanceof ClaimgraphError) {
        return sendJson(res, 400, { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] });
      }
      throw error;
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          return sendJson(res, 413, { errors: [{ message: `Request body too large: at most ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'BAD_USER_INPUT' } }] });
        }
        throw error;
      }
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON: expected {"query": "...", "variables": {...}}.', extensions: { code: 'BAD_REQUEST' } }] });
        }
      } else {
        body = text;
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(store, editor),
    });
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async (): Promise<void> => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/ready' && req.method === 'GET') {
        try {
          await store.ping();
          return sendJson(res, 200, { status: 'ready', engine: store.engine });
        } catch {
          return sendJson(res, 503, { status: 'unavailable', engine: store.engine });
        }
      }
      if (url.pathname === '/' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(CONSOLE_PAGE);
        return;
      }
      sendJson(res, 404, { error: `No route ${req.method ?? ''} ${url.pathname}: GraphQL is served at /graphql.` });
    };
    route().catch((error: unknown) => {
      console.error('[claimgraph] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL' } }] });
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    if (host === null) server.listen(port, () => resolveListen());
    else server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host ?? 'localhost'}:${address.port}/graphql`,
    server,
    apollo,
    async stop() {
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await apollo.stop();
    },
  };
}
