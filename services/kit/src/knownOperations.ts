import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationTypeNode } from 'graphql';

/**
 * Operations a subgraph answers again and again — the gateway sends the same few documents (one per
 * step of each query plan) with new variables — run straight through graphql-js once Apollo Server
 * has accepted them, instead of through Apollo's whole request pipeline each time.
 *
 * Why: a profile of the subgraphs under the member card put a tenth of each one's CPU (self time) in
 * Apollo's per-request machinery around an execution it had already parsed and validated (plugin
 * hooks, a SHA-256 of the document to find it in the cache, Accept negotiation twice, request and
 * response objects), about as much as graphql-js's execution itself; measured with and without this
 * path on the card, the subgraphs spent about a third less CPU per card with it.
 *
 * What stays exactly as it was: every document is parsed and validated by Apollo Server the first
 * time it is seen (with its rules, introspection's included), and only a document Apollo accepted
 * and then started executing is ever run here; the identity check, the nesting limit and the
 * context come before either path. Anything that is not a plain POST of a known document (GET,
 * batches, persisted queries, other Accept types, a document never seen) goes to Apollo as before.
 * A request that fails before its execution starts (its variables do not coerce) is handed to
 * Apollo too, which answers it with its status and codes: nothing has run yet. Errors raised during
 * execution are formatted as Apollo formats them (the same `formatError`, a code on every error).
 */
export interface KnownOperation {
  document: DocumentNode;
  type: OperationTypeNode;
  /** The operation's name as Apollo resolved it (for the operations metric). */
  name: string | null;
}

/** An answer of the fast path, ready for the HTTP front. */
export interface KnownAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** For the operations metric, as the Apollo plugin counts it. */
  type: OperationTypeNode;
  name: string | null;
  failed: boolean;
}

/**
 * Enough for the gateway's documents (a few per subgraph and plan step). Clients shape them too
 * (operation names, literals the plan copies), so the least recently used ones give way past these
 * bounds, and a large document, which no plan of ours sends, is never kept: one-off documents cannot
 * pin memory or crowd out the documents the gateway sends all day.
 */
const MAX_KNOWN = 500;
const MAX_KNOWN_CHARACTERS = 4 * 1024 * 1024;
const MAX_DOCUMENT_CHARACTERS = 16 * 1024;
/** What Apollo answers a single result with when the request names no Accept type (as the gateway sends it). */
const JSON_TYPE = 'application/json; charset=utf-8';

/** `application/json`, with parameters or none (what the gateway sends), and nothing else. */
const JSON_REQUEST = /^application\/json\s*(;|$)/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

const keyOf = (query: string, operationName: unknown) => (typeof operationName === 'string' ? `${operationName}\n${query}` : `\n${query}`);

export class KnownOperations {
  /** In order of last use, oldest first. */
  private readonly known = new Map<string, KnownOperation>();
  private characters = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ) {}

  /**
   * Learns each POSTed document whose execution Apollo started (parsed, validated, its operation
   * resolved, every plugin's earlier hook passed).
   */
  plugin<Ctx extends BaseContext>(): ApolloServerPlugin<Ctx> {
    const learn = (key: string, operation: KnownOperation) => this.learn(key, operation);
    return {
      async requestDidStart() {
        return {
          async executionDidStart({ request, source, document, operation }) {
            if (request.http?.method !== 'POST' || request.extensions?.persistedQuery) return;
            if (source.length > MAX_DOCUMENT_CHARACTERS) return;
            learn(keyOf(source, request.operationName), { document, type: operation.operation, name: operation.name?.value ?? null });
          },
        };
      },
    };
  }

  private learn(key: string, operation: KnownOperation): void {
    if (this.known.has(key)) return;
    this.known.set(key, operation);
    this.characters += key.length;
    for (const [oldest] of this.known) {
      if (this.known.size <= MAX_KNOWN && this.characters <= MAX_KNOWN_CHARACTERS) break;
      this.known.delete(oldest);
      this.characters -= oldest.length;
    }
  }

  /**
   * The request's known operation, when it is a plain JSON POST of one (`application/json`, so that
   * Apollo's CSRF check would let it through too; no batch, no extensions, no Accept type to
   * negotiate, variables an object or absent); undefined sends it to Apollo.
   */
  lookup(request: { method?: string; contentType?: string; accept?: string }, body: unknown): KnownOperation | undefined {
    if (request.method !== 'POST' || request.accept !== undefined || !JSON_REQUEST.test(request.contentType ?? '')) return undefined;
    if (!isRecord(body) || typeof body.query !== 'string') return undefined;
    if (body.extensions !== undefined && body.extensions !== null) return undefined;
    if (body.variables !== undefined && body.variables !== null && !isRecord(body.variables)) return undefined;
    if (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string') return undefined;
    const key = keyOf(body.query, body.operationName);
    const operation = this.known.get(key);
    if (operation) {
      // Last used now: moved to the end of the eviction order.
      this.known.delete(key);
      this.known.set(key, operation);
    }
    return operation;
  }

  /** How many documents are known (for tests). */
  get size(): number {
    return this.known.size;
  }

  /** Runs a known operation; undefined when it failed before execution (Apollo answers it then). */
  async run(operation: KnownOperation, body: Record<string, unknown>, contextValue: unknown): Promise<KnownAnswer | undefined> {
    const result = await execute({
      schema: this.schema,
      document: operation.document,
      contextValue,
      variableValues: isRecord(body.variables) ? body.variables : undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    });
    if (result.data === undefined) return undefined;
    let status = 200;
    const headers: Record<string, string> = { 'content-type': JSON_TYPE };
    const errors = result.errors?.map((error) => {
      const { formatted, http } = this.format(error);
      if (http?.status) status = http.status;
      if (http?.headers) for (const [name, value] of http.headers) headers[name] = value;
      return formatted;
    });
    // The same bytes as Apollo's answer: its field order (errors, data, extensions) and newline.
    const text = JSON.stringify({ errors, data: result.data, extensions: result.extensions }) + '\n';
    return { status, headers, body: text, type: operation.type, name: operation.name, failed: (errors?.length ?? 0) > 0 };
  }

  /** As Apollo's normalizeAndFormatErrors: a code on every error, `extensions.http` taken off into the answer, then formatError. */
  private format(error: GraphQLError): { formatted: GraphQLFormattedError; http?: { status?: number; headers?: Map<string, string> } } {
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const http = extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
    const takesHttp =
      !!http &&
      typeof http === 'object' &&
      (!('status' in http) || typeof http.status === 'number') &&
      (!('headers' in http) || http.headers instanceof Map);
    if (takesHttp) delete extensions.http;
    try {
      return { formatted: this.formatError({ ...error.toJSON(), extensions }, error), http: takesHttp ? http : undefined };
    } catch {
      return {
        formatted: { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        http: takesHttp ? http : undefined,
      };
    }
  }
}
