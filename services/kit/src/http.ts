import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { exceedsNesting } from './documentNesting';
import type { ErrorCode } from './errors';
import { metricsRoute, type ServiceMetrics } from './metrics';

/** Thrown by a request hook to answer with a plain HTTP status before GraphQL runs. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
  }
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /**
   * Builds the per-request context from the request and its body exactly as received (the
   * subgraphs verify a signature over it); throw HttpError to refuse the request (e.g. 401).
   */
  context: (req: IncomingMessage, rawBody: string) => Promise<Ctx>;
  /** Readiness: resolves when dependencies (the database) answer. */
  ready: () => Promise<void>;
  routes?: Record<string, Route>;
  /** Answered for GET /graphql from a browser (the playground); otherwise Apollo answers. */
  htmlLanding?: Route;
  maxBodyBytes?: number;
  /** Deepest `{`/`[`/`(` nesting a document may have, checked before parsing (default 64). */
  maxNesting?: number;
  path?: string;
  /** The service's metrics: served at /metrics, and every request counted by route, method and status. */
  metrics?: ServiceMetrics;
  /** Headers every answer Apollo gives carries unless Apollo sets them itself (the subgraphs' cache-control). */
  graphqlHeaders?: Readonly<Record<string, string>>;
  /**
   * Answers a GraphQL request instead of Apollo when it can (the subgraphs' known operations,
   * knownOperations.ts), after the identity check and the context; undefined leaves it to Apollo.
   */
  answer?: (
    req: IncomingMessage,
    body: unknown,
    context: Ctx,
  ) => Promise<{ status: number; headers: Record<string, string>; body: string } | undefined>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL response that carries only an error with its code (HEAD answers get its headers alone). */
function graphQLError(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Node's HTTP parser refuses a request line or headers over its limit (431) or a malformed request
 * (400) before any handler runs, and answers with an empty body; here that answer is a GraphQL
 * response with a code, like every other one. A reset socket gets nothing: nobody is listening.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message]: [number, ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'the request line or its headers are too large']
      : [400, 'BAD_REQUEST', 'the HTTP request is malformed'];
  const text = JSON.stringify(graphQLError(message, code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

/** The document of a GET or POST GraphQL request, when it carries one as text. */
function documentOf(body: unknown, url: URL | undefined): string | undefined {
  if (body && typeof body === 'object' && typeof (body as { query?: unknown }).query === 'string') return (body as { query: string }).query;
  return url?.searchParams.get('query') ?? undefined;
}

/**
 * The body as text. Read with the stream's events rather than its async iterator, which costs a
 * promise and an iteration object per chunk on every request. Over the limit, the stream is
 * destroyed as the iterator's early return destroyed it, and the request is answered 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HttpError(413, 'request body too large', 'PAYLOAD_TOO_LARGE'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done();
        req.destroy();
        reject(new HttpError(413, 'request body too large', 'PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    // A client gone before the end of its body: nobody waits for an answer.
    const onClose = () => onError(new Error('the request was closed before its body ended'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
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
const DOCUMENT_FAILURES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT']);

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
  const maxNesting = options.maxNesting ?? 64;
  const { metrics } = options;
  const routes: Record<string, Route> = { ...options.routes, ...(metrics ? { '/metrics': metricsRoute(metrics) } : {}) };
  /** A bounded label: the known paths, anything else `other`. */
  const routeLabel = (url: string | undefined) => {
    const pathname = (url ?? '/').split('?', 1)[0];
    return pathname === path || pathname === '/healthz' || pathname === '/readyz' || routes[pathname] ? pathname : 'other';
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Every gateway request asks for exactly the GraphQL path: no URL to parse for it.
    const target = req.url ?? '/';
    const url = target === path ? undefined : new URL(target, 'http://localhost');
    const pathname = url?.pathname ?? path;
    const search = url?.search ?? '';
    if (pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (pathname === '/readyz') {
      try {
        await options.ready();
        return sendJson(res, 200, { status: 'ready' });
      } catch {
        return sendJson(res, 503, { status: 'unavailable' });
      }
    }
    const route = routes[pathname];
    if (route) return route(req, res);
    if (pathname !== path) return sendJson(res, 404, graphQLError(`nothing is served at ${pathname}`, 'NOT_FOUND'));
    if (req.method !== 'GET' && req.method !== 'POST') {
      return sendJson(res, 405, graphQLError('GraphQL is served with GET and POST only', 'METHOD_NOT_ALLOWED'), { allow: 'GET, POST' });
    }
    if (req.method === 'GET' && options.htmlLanding && (req.headers.accept ?? '').includes('text/html') && !search) {
      return options.htmlLanding(req, res);
    }
    const rawBody = req.method === 'POST' ? await readBody(req, limit) : '';
    const body = parseBody(req, rawBody);
    const document = documentOf(body, url);
    if (document !== undefined && exceedsNesting(document, maxNesting)) {
      throw new HttpError(400, `the document nests deeper than ${maxNesting} levels`, 'GRAPHQL_PARSE_FAILED');
    }
    const context = await options.context(req, rawBody);
    const answered = options.answer && (await options.answer(req, body, context));
    if (answered) {
      if (options.graphqlHeaders) for (const [key, value] of Object.entries(options.graphqlHeaders)) res.setHeader(key, value);
      for (const [key, value] of Object.entries(answered.headers)) res.setHeader(key, value);
      res.statusCode = answered.status;
      res.end(answered.body);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search, body },
      context: async () => context,
    });
    if (options.graphqlHeaders) for (const [key, value] of Object.entries(options.graphqlHeaders)) res.setHeader(key, value);
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
    if (metrics) {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const route = routeLabel(req.url);
        metrics.httpRequests.inc({ route, method: req.method ?? 'GET', status: res.statusCode });
        metrics.httpDuration.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
      });
    }
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) {
        return sendJson(res, error.status, graphQLError(error.message, error.code));
      }
      return sendJson(res, 500, graphQLError('Internal server error', 'INTERNAL_SERVER_ERROR'));
    });
  }).on('clientError', answerClientError);
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

/**
 * Stops accepting, lets in-flight requests finish, closes idle keep-alive sockets — also those that
 * become idle while draining (a request answered after close() would otherwise hold its socket
 * until the grace ran out) — and cuts whatever is left after `graceMs`.
 */
export function closeHttpServer(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
