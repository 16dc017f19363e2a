import { readCommonConfig } from '../../services/kit/src';
import type { ExpiryDeps } from '../../services/points/src/commands/expireLots';
import { loadPointsConfig } from '../../services/points/src/config';
import { memberPeer } from '../../services/points/src/grpc/peers';
import type { Stack } from './startStack';

/** Points' member peer (the gRPC adapter its commands and jobs call), pointed at a running stack. Close it when done. */
export function pointsMemberPeer(stack: Stack): ReturnType<typeof memberPeer> {
  return memberPeer({
    memberGrpcAddress: stack.services.member.grpcAddress,
    grpcDeadlineMs: 10_000,
    serviceToken: readCommonConfig('points', stack.env).serviceToken,
  });
}

/**
 * What the points jobs run with in the service (its member peer and rules), pointed at a running
 * stack, so a test runs a job on demand as the schedule would. Close it when done.
 */
export function pointsJobDeps(stack: Stack): ExpiryDeps & { close(): void } {
  const member = pointsMemberPeer(stack);
  return { member, rules: loadPointsConfig(stack.env), close: () => member.close() };
}
