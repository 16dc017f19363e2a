import { readCommonConfig } from '../../kit/src';

/** The member service's configuration, validated once at start-up. */
export function loadMemberConfig(env: Record<string, string | undefined> = process.env) {
  return { ...readCommonConfig('member', env) };
}

export type MemberConfig = ReturnType<typeof loadMemberConfig>;
