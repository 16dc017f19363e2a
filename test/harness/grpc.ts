import { service as healthService } from 'grpc-health-check';
import { callUnary, clientChannelOptions, grpc, loadProto, readCommonConfig } from '../../services/kit/src';

/**
 * A real gRPC client for tests: calls one unary method of proto/<protoName>.proto on `address`,
 * with the service credential (the development one unless given), in plaintext unless given TLS credentials.
 * Untyped on purpose — tests assert on the wire answers, not on our own generated types.
 */
export function grpcCall<Res = any>(
  protoName: string,
  serviceName: string,
  address: string,
  method: string,
  request: object,
  deadlineMs = 2000,
  serviceToken = readCommonConfig('member', {}).serviceToken,
  credentials = grpc.credentials.createInsecure(),
): Promise<Res> {
  const proto = loadProto<any>(protoName);
  const Client = proto.membergraph[protoName].v1[serviceName];
  const client = new Client(address, credentials, clientChannelOptions(`membergraph.${protoName}.v1.${serviceName}`, serviceToken));
  return callUnary<Res>((md, options, cb) => client[method](request, md, options, cb), deadlineMs).finally(() => client.close());
}

/** grpc.health.v1 Check against a server: the standard health service every server carries. */
export function healthCheck(address: string, serviceName = ''): Promise<{ status: string }> {
  const Client = grpc.makeGenericClientConstructor(healthService as grpc.ServiceDefinition, 'Health');
  const client = new Client(address, grpc.credentials.createInsecure()) as grpc.Client &
    Record<string, (...args: any[]) => grpc.ClientUnaryCall>;
  return callUnary<{ status: string }>((md, options, cb) => client.check({ service: serviceName }, md, options, cb), 2000).finally(() =>
    client.close(),
  );
}
