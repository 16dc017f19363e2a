import { createHash } from 'node:crypto';
import type { ProtoGrpcType } from '../../proto/gen/member';
import { createPeerClient, loadProto, type GrpcTls, type ServiceMetrics } from '../../services/kit/src';

/** Bounded, so a flood of made-up keys cannot grow the gateway's memory. */
const MAX_CACHED = 10_000;

export interface PartnerKeyCheck {
  verify(key: string): Promise<{ keyId: string; partner: string } | null>;
  close(): void;
}

/**
 * Checks partner API keys with the member service (which stores them hashed) and remembers each
 * answer for `cacheMs`, so a partner's traffic costs one gRPC call per key and cache period; a
 * revocation takes effect within that period.
 */
export function partnerKeyCheck(options: {
  address: string;
  serviceToken: string;
  tls?: GrpcTls;
  deadlineMs: number;
  cacheMs: number;
  metrics?: ServiceMetrics;
}): PartnerKeyCheck {
  const member = createPeerClient(loadProto<ProtoGrpcType>('member').membergraph.member.v1.MemberService.service, {
    address: options.address,
    deadlineMs: options.deadlineMs,
    serviceToken: options.serviceToken,
    tls: options.tls,
    retryable: ['VerifyPartnerKey'],
    metrics: options.metrics,
  });
  const cache = new Map<string, { until: number; answer: Promise<{ keyId: string; partner: string } | null> }>();
  return {
    verify(key) {
      const digest = createHash('sha256').update(key).digest('hex');
      const now = Date.now();
      const hit = cache.get(digest);
      if (hit && hit.until > now) return hit.answer;
      const answer = member
        .VerifyPartnerKey({ key })
        .then((response) => (response.valid ? { keyId: response.keyId, partner: response.partner } : null));
      cache.delete(digest);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(digest, { until: now + options.cacheMs, answer });
      // A failed check (member service down) is not remembered: the next request asks again.
      answer.catch(() => cache.delete(digest));
      return answer;
    },
    close: () => member.close(),
  };
}
