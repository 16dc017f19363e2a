import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { status as GrpcStatus } from '@grpc/grpc-js';

/**
 * Every error code a client or a peer service can see, with what it means. Domain code throws
 * DomainError with one of these; the kit maps it to GraphQL `extensions.code` or a gRPC status.
 * The formatter answers any other code as INTERNAL_SERVER_ERROR; a contract test checks that every
 * code the sources answer with is here (test/contract/error-codes.test.ts).
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: {
    description: 'The input is malformed or breaks a business rule; nothing was written.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  CONFLICT: { description: 'The request clashes with existing data (e.g. a phone already registered).', grpc: GrpcStatus.ALREADY_EXISTS },
  NOT_FOUND: { description: 'A referenced entity does not exist.', grpc: GrpcStatus.NOT_FOUND },
  UNAUTHENTICATED: { description: 'Credentials are missing, stale or forged.', grpc: GrpcStatus.UNAUTHENTICATED },
  FORBIDDEN: { description: 'The caller is known but may not do this.', grpc: GrpcStatus.PERMISSION_DENIED },
  TOO_MANY_REQUESTS: {
    description: 'Too many attempts (code sends, wrong codes, requests) in a window; wait and retry. Nothing was written.',
    grpc: GrpcStatus.RESOURCE_EXHAUSTED,
  },
  OPERATION_NOT_ALLOWED: {
    description: 'This client is held to registered operations (trusted documents) and sent another one.',
    grpc: GrpcStatus.PERMISSION_DENIED,
  },
  RISK_DENIED: { description: 'The risk service refused this action.', grpc: GrpcStatus.FAILED_PRECONDITION },
  MODEL_TOO_LITTLE_DATA: {
    description: 'A model was asked to train on too little data (too few members, or too few of one outcome); nothing was written.',
    grpc: GrpcStatus.FAILED_PRECONDITION,
  },
  INSUFFICIENT_POINTS: {
    description: 'The available balance is smaller than the points asked for; nothing was written.',
    grpc: GrpcStatus.FAILED_PRECONDITION,
  },
  UNAVAILABLE: { description: 'A service this request depends on did not answer in time; retry later.', grpc: GrpcStatus.UNAVAILABLE },
  // The protocol layer's codes: answered by the HTTP front (http.ts), Apollo Server and the gateway's
  // plugins before any resolver runs. They never cross gRPC; their status is what they would mean there.
  // Listed after the domain codes, so a bare gRPC status still maps back to the domain code.
  PERSISTED_QUERY_HASH_MISMATCH: {
    description: 'An automatic persisted query sent a document whose SHA-256 is not the hash it named; nothing ran.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  METHOD_NOT_ALLOWED: { description: 'GraphQL is served with GET and POST only (HTTP 405).', grpc: GrpcStatus.UNIMPLEMENTED },
  REQUEST_HEADER_FIELDS_TOO_LARGE: {
    description: 'The request line (a long GET query) or the headers exceed the server limit (HTTP 431); send the document by POST.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  BAD_REQUEST: {
    description:
      'The HTTP request is not one we accept: a body that is not JSON, a batch of operations, a request without a preflight-forcing header (CSRF prevention), a mutation over GET, an unknown persisted-query version.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  PAYLOAD_TOO_LARGE: {
    description: 'The request body is larger than MAX_BODY_BYTES (HTTP 413); it was not read further.',
    grpc: GrpcStatus.RESOURCE_EXHAUSTED,
  },
  GRAPHQL_PARSE_FAILED: {
    description: 'The document is not valid GraphQL syntax, has more tokens than GRAPHQL_MAX_TOKENS or nests too deep.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  GRAPHQL_VALIDATION_FAILED: {
    description: 'The document does not fit the schema, or is deeper, wider or costlier than the query limits allow.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  PERSISTED_QUERY_NOT_FOUND: {
    description: 'The persisted-query hash is not known yet; send the query text with it once.',
    grpc: GrpcStatus.NOT_FOUND,
  },
  PERSISTED_QUERY_NOT_SUPPORTED: { description: 'This server does not take persisted queries.', grpc: GrpcStatus.UNIMPLEMENTED },
  OPERATION_RESOLUTION_FAILURE: {
    description: 'The document holds no operation of the given operationName, or several and no name.',
    grpc: GrpcStatus.INVALID_ARGUMENT,
  },
  INVALID_GRAPHQL: { description: 'The gateway could not plan the operation.', grpc: GrpcStatus.INVALID_ARGUMENT },
  INTERNAL_SERVER_ERROR: {
    description: 'An unexpected failure; details are logged with the request id, never shown.',
    grpc: GrpcStatus.INTERNAL,
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether `code` is in the registry: the only codes a response may carry in `extensions.code`. */
export function isRegisteredCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

// Several codes share a status; a status without the exact code in metadata means the first listed.
const GRPC_TO_CODE = new Map<number, ErrorCode>();
for (const [code, meta] of Object.entries(ERROR_CODES)) if (!GRPC_TO_CODE.has(meta.grpc)) GRPC_TO_CODE.set(meta.grpc, code as ErrorCode);
GRPC_TO_CODE.set(GrpcStatus.DEADLINE_EXCEEDED, 'UNAVAILABLE');

/** Trailing metadata that carries the exact domain code: several codes share one gRPC status. */
export const ERROR_CODE_METADATA = 'mg-error-code';

/** A gRPC failure from a peer, turned back into the domain error it stood for. */
export function fromGrpcError(error: {
  code?: number;
  details?: string;
  message?: string;
  metadata?: { get(key: string): unknown[] };
}): DomainError {
  const sent = error.metadata?.get(ERROR_CODE_METADATA)[0];
  const code =
    (typeof sent === 'string' && sent in ERROR_CODES ? (sent as ErrorCode) : undefined) ??
    ((error.code !== undefined && GRPC_TO_CODE.get(error.code)) || 'UNAVAILABLE');
  // A transport failure's details name hosts and ports: keep them out of client-facing messages.
  if (code === 'UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR') {
    return new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
  }
  return new DomainError(code, error.details || error.message || 'peer service failed');
}

export function toGrpcError(error: unknown): { code: number; details: string; domainCode: ErrorCode } {
  if (error instanceof DomainError) return { code: ERROR_CODES[error.code].grpc, details: error.message, domainCode: error.code };
  return { code: GrpcStatus.INTERNAL, details: 'internal error', domainCode: 'INTERNAL_SERVER_ERROR' };
}

/** What a domain error adds to its code (which field, why, when to retry), as a subgraph sent it. */
const DETAIL_KEYS = ['field', 'reason', 'retryAfterSeconds'] as const;

function details(formatted: GraphQLFormattedError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) {
    const value = formatted.extensions?.[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

/**
 * Apollo Server `formatError`: domain errors keep their code and message; anything unexpected is
 * logged and replaced by a bare INTERNAL_SERVER_ERROR so no stack, SQL or URL reaches a client.
 */
export function formatGraphQLError(
  log: (error: unknown) => void,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return { message: original.message, path: formatted.path, extensions: { code: original.code, ...original.details } };
    }
    const code = formatted.extensions?.code;
    if (isRegisteredCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...details(formatted) },
      };
    }
    log(original);
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
