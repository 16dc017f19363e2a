import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** Thrown by a request hook to answer with a plain HTTP status before GraphQL runs. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /** Builds the per-request context; throw HttpError to refuse the request (e.g. 401). */
  context: (req: IncomingMessage) => Promise<Ctx>;
  /** Readiness: resolves when dependencies (the database) answer. */
  ready: () => Promise<void>;
  routes?: Record<string, Route>;
  /** Answered for GET /graphql from a browser (the playground); otherwise Apollo answers. */
  htmlLanding?: Route;
  maxBodyBytes?: number;
  path?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'request body too large', 'PAYLOAD_TOO_LARGE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'request body too large', 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(req: IncomingMessage, text: string): unknown {
  if (!text) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json') && !type.includes('application/graphql-response+json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON', 'BAD_REQUEST');
  }
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) should
 * get 200 for a request that failed to parse, validate or coerce its variables, since such clients
 * read the errors from the body; Apollo Server answers 400. Clients of
 * `application/graphql-response+json` keep the 400 the spec asks for there.
 */
const DOCUMENT_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

function legacyJsonStatus(req: IncomingMessage, status: number, contentType: string | undefined, body: string | undefined): number {
  if (status !== 400 || body === undefined || !contentType?.startsWith('application/json')) return status;
  const accept = req.headers.accept ?? '';
  if (!accept.includes('application/json') || accept.includes('application/graphql-response+json')) return status;
  try {
    const { errors } = JSON.parse(body) as { errors?: Array<{ extensions?: { code?: string } }> };
    // Only failures of the document itself: a refused request (CSRF prevention, batching) stays 400.
    return errors?.length && errors.every((e) => DOCUMENT_FAILURES.has(e.extensions?.code ?? '')) ? 200 : status;
  } catch {
    return status;
  }
}

/**
 * A plain node:http front for Apollo Server: /healthz, /readyz, the GraphQL endpoint and a few
 * static routes. (No express: the gateway's hot path stays short, and every service serves the same way.)
 */
export function createHttpServer<Ctx extends BaseContext>(options: HttpOptions<Ctx>): Server {
  const path = options.path ?? '/graphql';
  const limit = options.maxBodyBytes ?? 1_000_000;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      try {
        await options.ready();
        return sendJson(res, 200, { status: 'ready' });
      } catch {
        return sendJson(res, 503, { status: 'unavailable' });
      }
    }
    const route = options.routes?.[url.pathname];
    if (route) return route(req, res);
    if (url.pathname !== path) return sendJson(res, 404, { error: 'not found' });
    if (req.method === 'GET' && options.htmlLanding && (req.headers.accept ?? '').includes('text/html') && !url.search) {
      return options.htmlLanding(req, res);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const body = parseBody(req, req.method === 'POST' ? await readBody(req, limit) : '');
    const context = await options.context(req);
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    const complete = result.body.kind === 'complete' ? result.body.string : undefined;
    res.statusCode = legacyJsonStatus(req, result.status ?? 200, result.headers.get('content-type'), complete);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) {
        return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
      return sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
}

/** Listens (port 0 = any free port) and resolves to the bound port. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, lets in-flight requests finish, closes idle keep-alive sockets. */
export function closeHttpServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
