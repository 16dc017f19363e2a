import { timingSafeEqual } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { HealthImplementation } from 'grpc-health-check';
import { DomainError, ERROR_CODE_METADATA, fromGrpcError, toGrpcError } from './errors';
import type { GrpcTls } from './config';
import type { Logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { repoPath } from './paths';

/** Must match the flags given to proto-loader-gen-types (scripts/codegen-proto.ts). */
export const PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Loads proto/<name>.proto; cast the result to the generated ProtoGrpcType of that file. */
export function loadProto<T>(name: string): T {
  const definition = protoLoader.loadSync(repoPath('proto', `${name}.proto`), PROTO_LOADER_OPTIONS);
  return grpc.loadPackageDefinition(definition) as unknown as T;
}

type UnaryImpl<Req, Res> = (request: Req, call: grpc.ServerUnaryCall<Req, Res>) => Promise<Res>;

/** What every gRPC handler of a service shares: its logger and the credential callers must present. */
export interface GrpcGuard {
  logger: Logger;
  serviceToken: string;
}

const TOKEN_METADATA = 'authorization';

function presentedToken(metadata: grpc.Metadata, expected: string): boolean {
  const given = Buffer.from(String(metadata.get(TOKEN_METADATA)[0] ?? ''));
  const wanted = Buffer.from(`Bearer ${expected}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Wraps an async handler as a grpc-js unary handler: callers without the service credential are
 * UNAUTHENTICATED before anything runs; a DomainError becomes its gRPC status, anything else
 * INTERNAL (logged). The callback is called exactly once.
 */
export function unaryHandler<Req, Res>(guard: GrpcGuard, impl: UnaryImpl<Req, Res>): grpc.handleUnaryCall<Req, Res> {
  const { logger } = guard;
  return (call, callback) => {
    const run = presentedToken(call.metadata, guard.serviceToken)
      ? () => impl(call.request, call)
      : () => Promise.reject(new DomainError('UNAUTHENTICATED', 'this call needs the service credential'));
    run().then(
      (response) => callback(null, response),
      (error: unknown) => {
        if (!(error instanceof DomainError)) logger.error({ err: error, path: call.getPath() }, 'gRPC handler failed');
        const { code, details, domainCode } = toGrpcError(error);
        const metadata = new grpc.Metadata();
        metadata.set(ERROR_CODE_METADATA, domainCode);
        return callback({ code, details, metadata });
      },
    );
  };
}

type StreamImpl<Req, Res> = (request: Req, call: grpc.ServerWritableStream<Req, Res>) => AsyncIterable<Res>;

/**
 * Wraps an async generator as a grpc-js server-streaming handler, with the guard of unaryHandler:
 * each message it yields is written, waiting for the client to drain when its buffer is full (so a
 * slow reader slows the producer instead of filling memory); a failure ends the stream with its
 * status. A cancelled call stops the generator.
 */
export function serverStreamHandler<Req, Res>(guard: GrpcGuard, impl: StreamImpl<Req, Res>): grpc.handleServerStreamingCall<Req, Res> {
  const { logger } = guard;
  return (call) => {
    const run = async () => {
      if (!presentedToken(call.metadata, guard.serviceToken))
        throw new DomainError('UNAUTHENTICATED', 'this call needs the service credential');
      for await (const message of impl(call.request, call)) {
        if (call.cancelled) return;
        if (!call.write(message)) {
          // A client that went away never drains: stop waiting on cancellation too.
          await new Promise<void>((resolve) => {
            const done = () => {
              call.off('drain', done);
              call.off('cancelled', done);
              resolve();
            };
            call.once('drain', done);
            call.once('cancelled', done);
          });
        }
      }
    };
    run().then(
      () => call.end(),
      (error: unknown) => {
        if (!(error instanceof DomainError)) logger.error({ err: error, path: call.getPath() }, 'gRPC stream handler failed');
        const { code, details, domainCode } = toGrpcError(error);
        const metadata = new grpc.Metadata();
        metadata.set(ERROR_CODE_METADATA, domainCode);
        call.emit('error', { code, details, metadata });
      },
    );
  };
}

export interface GrpcServerHandle {
  port: number;
  /** Lets in-flight calls finish (up to `graceMs`), then forces the rest. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * With TLS, the server proves itself with its certificate and accepts only clients whose
 * certificate our CA signed (mutual TLS); without, plaintext for a private network.
 */
export function serverCredentials(tls: GrpcTls | undefined): grpc.ServerCredentials {
  if (!tls) return grpc.ServerCredentials.createInsecure();
  return grpc.ServerCredentials.createSsl(tls.ca, [{ private_key: tls.key, cert_chain: tls.cert }], true);
}

/** A client's side of serverCredentials: it checks the peer against our CA and shows its own certificate. */
export function clientCredentials(tls: GrpcTls | undefined): grpc.ChannelCredentials {
  return tls ? grpc.credentials.createSsl(tls.ca, tls.key, tls.cert) : grpc.credentials.createInsecure();
}

/** Starts a gRPC server with the standard health service; port 0 picks a free port. */
export async function startGrpcServer(options: {
  host: string;
  port: number;
  services: Array<{ definition: grpc.ServiceDefinition; implementation: grpc.UntypedServiceImplementation }>;
  healthName: string;
  /** Mutual TLS (see serverCredentials); plaintext without. */
  tls?: GrpcTls;
  /** Counts the calls served (membergraph_grpc_server_calls_total). */
  metrics?: ServiceMetrics;
}): Promise<GrpcServerHandle> {
  const server = new grpc.Server();
  for (const { definition, implementation } of options.services) {
    server.addService(definition, options.metrics ? countedImplementation(definition, implementation, options.metrics) : implementation);
  }
  const health = new HealthImplementation({ '': 'SERVING', [options.healthName]: 'SERVING' });
  health.addToServer(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${options.host}:${options.port}`, serverCredentials(options.tls), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    port,
    stop: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        health.setStatus('', 'NOT_SERVING');
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}

/**
 * Channel options for a peer: the service credential on every call, keep-alive, and grpc-js's own
 * retry policy (UNAVAILABLE only, with backoff) for the methods named in `retryable` (all of the
 * service's when omitted). Retry only what is safe to repeat: reads, and writes the peer applies
 * once by an idempotency key.
 */
export function clientChannelOptions(serviceFullName: string, serviceToken: string, retryable?: readonly string[]): grpc.ClientOptions {
  // Every call carries the service credential; the peer's handlers refuse calls without it.
  const withToken: grpc.Interceptor = (options, next) =>
    new grpc.InterceptingCall(next(options), {
      start(metadata, listener, proceed) {
        metadata.set(TOKEN_METADATA, `Bearer ${serviceToken}`);
        proceed(metadata, listener);
      },
    });
  const names = retryable ? retryable.map((method) => ({ service: serviceFullName, method })) : [{ service: serviceFullName }];
  return {
    interceptors: [withToken],
    'grpc.service_config': JSON.stringify({
      methodConfig: names.length
        ? [
            {
              name: names,
              retryPolicy: {
                maxAttempts: 3,
                initialBackoff: '0.05s',
                maxBackoff: '0.5s',
                backoffMultiplier: 2,
                retryableStatusCodes: ['UNAVAILABLE'],
              },
            },
          ]
        : [],
    }),
    'grpc.keepalive_time_ms': 30_000,
    'grpc.enable_retries': 1,
  };
}

export type UnaryInvoker<Res> = (
  metadata: grpc.Metadata,
  options: grpc.CallOptions,
  callback: (error: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

/** grpc-js status names by number (OK, UNAVAILABLE, …), for the metrics' `status` label. */
const STATUS_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(grpc.status)
    .filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => [value as number, name]),
);

/** The name of a gRPC status code. */
export const grpcStatusName = (code: number | undefined): string => STATUS_NAMES[code ?? grpc.status.UNKNOWN] ?? String(code);

/** Where a client call is counted: the caller's metrics and the method's full path. */
export interface CallMetrics {
  metrics: ServiceMetrics;
  method: string;
}

/**
 * Where a call is made from. A call made while serving another (`parent`: the server call) ends
 * no later than that one and is cancelled with it (grpc-js propagates the parent's deadline and
 * cancellation by default), so a chain of calls never outlives the caller at its head.
 */
export interface CallScope {
  parent?: grpc.CallOptions['parent'];
}

/**
 * Makes one unary call with a deadline (always: a call without one can hang a request forever)
 * and turns a failure back into a DomainError with the peer's code.
 */
export function callUnary<Res>(invoke: UnaryInvoker<Res>, deadlineMs: number, scope: CallScope = {}, counted?: CallMetrics): Promise<Res> {
  const options: grpc.CallOptions = { deadline: Date.now() + deadlineMs, ...(scope.parent ? { parent: scope.parent } : {}) };
  return new Promise<Res>((resolve, reject) => {
    invoke(new grpc.Metadata(), options, (error, response) => {
      counted?.metrics.grpcClientCalls.inc({ method: counted.method, status: error ? grpcStatusName(error.code) : 'OK' });
      if (error) return reject(fromGrpcError(error));
      return resolve(response as Res);
    });
  });
}

/**
 * Counts every unary call a server's implementation answers, by method path and status, by
 * wrapping each handler's callback: the services' handlers stay as they are.
 */
function countedImplementation(
  definition: grpc.ServiceDefinition,
  implementation: grpc.UntypedServiceImplementation,
  metrics: ServiceMetrics,
): grpc.UntypedServiceImplementation {
  const counted: grpc.UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(implementation)) {
    const method = definition[name];
    if (!method || method.requestStream || method.responseStream) {
      counted[name] = handler;
      continue;
    }
    const unary = handler as grpc.handleUnaryCall<unknown, unknown>;
    counted[name] = ((call, callback) =>
      unary(call, (error, ...rest) => {
        metrics.grpcServerCalls.inc({ method: method.path, status: error ? grpcStatusName(error.code) : 'OK' });
        return callback(error, ...rest);
      })) satisfies grpc.handleUnaryCall<unknown, unknown>;
  }
  return counted;
}

export { grpc };
