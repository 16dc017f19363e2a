import type { GrpcTls } from './config';
import { fromGrpcError } from './errors';
import { callUnary, clientChannelOptions, clientCredentials, grpc, grpcStatusName, type CallScope } from './grpc';
import type { ServiceMetrics } from './metrics';

/** The rpcs a generated `<Service>Definition` names (without grpc.ServiceDefinition's index signature). */
type Rpcs<D> = { [K in keyof D as string extends K ? never : K]: D[K] };
type RequestOf<M> = M extends { requestSerialize: (value: infer Req) => Buffer } ? Req : never;
type ResponseOf<M> = M extends { responseDeserialize: (bytes: Buffer) => infer Res } ? Res : never;

/** A peer's rpcs as async functions: request in, response out, a DomainError with the peer's code on failure. */
export type PeerClient<D extends grpc.ServiceDefinition> = {
  [K in keyof Rpcs<D>]: (request: RequestOf<Rpcs<D>[K]>, scope?: CallScope) => Promise<ResponseOf<Rpcs<D>[K]>>;
} & { close(): void };

export interface PeerOptions<D extends grpc.ServiceDefinition> {
  address: string;
  /** Every call's deadline; a nested call (`scope.parent`) also ends no later than its parent. */
  deadlineMs: number;
  /** The service credential every call carries. */
  serviceToken: string;
  /** Mutual TLS to the peer (see clientCredentials); plaintext without. */
  tls?: GrpcTls;
  /**
   * The rpcs grpc-js may retry on UNAVAILABLE: reads, and writes the peer applies once by an
   * idempotency key. Anything else is tried once.
   */
  retryable: ReadonlyArray<keyof Rpcs<D> & string>;
  /** The calling service's metrics: every call is counted by method and status (membergraph_grpc_client_calls_total). */
  metrics?: ServiceMetrics;
}

/**
 * Builds the gRPC client of a peer from its generated service definition (the `service` of a
 * loaded proto's client constructor): deadline, retry policy, credential and error mapping are the
 * kit's, so a service's adapter only maps proto messages to its domain types.
 */
export function createPeerClient<D extends grpc.ServiceDefinition>(definition: D, options: PeerOptions<D>): PeerClient<D> {
  const methods = Object.entries(definition);
  // Paths are /<package>.<Service>/<Method>: the service's full name is what the retry policy names.
  const serviceName = methods[0][1].path.split('/')[1];
  const client = new grpc.Client(
    options.address,
    clientCredentials(options.tls),
    clientChannelOptions(serviceName, options.serviceToken, options.retryable),
  );
  const calls = Object.fromEntries(
    methods.map(([name, method]) => [
      name,
      (request: unknown, scope?: CallScope) =>
        callUnary<unknown>(
          (metadata, callOptions, callback) =>
            client.makeUnaryRequest(
              method.path,
              method.requestSerialize,
              method.responseDeserialize,
              request,
              metadata,
              callOptions,
              callback,
            ),
          options.deadlineMs,
          scope,
          options.metrics ? { metrics: options.metrics, method: method.path } : undefined,
        ),
    ]),
  );
  return Object.assign(calls, { close: () => client.close() }) as PeerClient<D>;
}

/** A peer's server-streaming rpcs as async iterables of its messages. */
export type StreamingPeerClient<D extends grpc.ServiceDefinition> = {
  [K in keyof Rpcs<D>]: (request: RequestOf<Rpcs<D>[K]>, scope?: CallScope) => AsyncIterable<ResponseOf<Rpcs<D>[K]>>;
} & { close(): void };

/**
 * The server-streaming side of createPeerClient: the same credential and error mapping, one
 * deadline for the whole stream (`deadlineMs`, sized for reading everything), no retry (a stream
 * that failed half-way is read again from the start by its caller). Only the definition's
 * streaming rpcs may be called through it.
 */
export function createStreamingPeerClient<D extends grpc.ServiceDefinition>(
  definition: D,
  options: Omit<PeerOptions<D>, 'retryable'>,
): StreamingPeerClient<D> {
  const methods = Object.entries(definition);
  const serviceName = methods[0][1].path.split('/')[1];
  const client = new grpc.Client(
    options.address,
    clientCredentials(options.tls),
    clientChannelOptions(serviceName, options.serviceToken, []),
  );
  const calls = Object.fromEntries(
    methods.map(([name, method]) => [
      name,
      (request: unknown, scope: CallScope = {}) => ({
        async *[Symbol.asyncIterator]() {
          if (!method.responseStream || method.requestStream) throw new TypeError(`${name} is not a server-streaming rpc`);
          const call = client.makeServerStreamRequest(
            method.path,
            method.requestSerialize,
            method.responseDeserialize,
            request,
            new grpc.Metadata(),
            {
              deadline: Date.now() + options.deadlineMs,
              ...(scope.parent ? { parent: scope.parent } : {}),
            },
          );
          let status = 'OK';
          try {
            for await (const message of call) yield message;
          } catch (error) {
            status = grpcStatusName((error as grpc.ServiceError).code);
            throw fromGrpcError(error as grpc.ServiceError);
          } finally {
            options.metrics?.grpcClientCalls.inc({ method: method.path, status });
            // A reader that stops early ends the call rather than leaving the server writing.
            call.cancel();
          }
        },
      }),
    ]),
  );
  return Object.assign(calls, { close: () => client.close() }) as StreamingPeerClient<D>;
}

/*
 * int64 and time on the wire. proto-loader gives int64 fields as decimal strings (longs: String),
 * and times travel as epoch milliseconds in int64: these four are the only conversions.
 */

/** A whole number (fen, points) as an int64 field. */
export function toInt64(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number for an int64 field`);
  return String(value);
}

/** An int64 field as a number; beyond 2^53 it could not be exact, so it is refused rather than rounded. */
export function fromInt64(value: string | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`int64 ${value} is beyond exact numbers`);
  return number;
}

/** A time as an `*_epoch_ms` int64 field. */
export function toEpochMs(at: Date): string {
  return toInt64(at.getTime());
}

/** An `*_epoch_ms` int64 field as a time. */
export function fromEpochMs(value: string | number): Date {
  return new Date(fromInt64(value));
}
