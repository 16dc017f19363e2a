import { envReader, peerGrpcAddress, readCommonConfig, readPiiCipher } from '../../kit/src';

/** The member service's configuration, validated once at start-up. */
export function loadMemberConfig(env: Record<string, string | undefined> = process.env) {
  return {
    ...readCommonConfig('member', env),
    /** Where member events (registration, completed profile) are delivered for their bonuses. */
    pointsGrpcAddress: peerGrpcAddress('points', env),
    /** How often undelivered member events are retried; 0 turns the dispatcher off. */
    outboxIntervalMs: envReader(env).int('OUTBOX_INTERVAL_MS', 1000, { min: 0 }),
    /** How often expired staff tier grants are ended (they also end on the next read); 0: only on read. */
    grantSweepIntervalMs: envReader(env).int('TIER_GRANT_SWEEP_INTERVAL_MS', 60_000, { min: 0 }),
    /** Keys for phones at rest (PII_ENCRYPTION_KEYS, PII_ACTIVE_KEY_ID, PII_INDEX_KEY). */
    pii: readPiiCipher(env),
  };
}

export type MemberConfig = ReturnType<typeof loadMemberConfig>;
