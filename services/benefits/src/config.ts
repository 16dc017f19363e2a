import { peerGrpcAddress, readCommonConfig } from '../../kit/src';

/** The benefits service's configuration, validated once at start-up. */
export function loadBenefitsConfig(env: Record<string, string | undefined> = process.env) {
  return { ...readCommonConfig('benefits', env), memberGrpcAddress: peerGrpcAddress('member', env) };
}

export type BenefitsConfig = ReturnType<typeof loadBenefitsConfig>;
