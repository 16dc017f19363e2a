import { createHash } from 'node:crypto';
import type { ProtoGrpcType } from '../../proto/gen/member';
import type { VerifyPartnerKeyResponse__Output } from '../../proto/gen/membergraph/member/v1/VerifyPartnerKeyResponse';
import { callUnary, clientChannelOptions, grpc, loadProto } from '../../services/kit/src';

const SERVICE = 'membergraph.member.v1.MemberService';
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
export function partnerKeyCheck(options: { address: string; serviceToken: string; deadlineMs: number; cacheMs: number }): PartnerKeyCheck {
  const proto = loadProto<ProtoGrpcType>('member');
  const client = new proto.membergraph.member.v1.MemberService(
    options.address,
    grpc.credentials.createInsecure(),
    clientChannelOptions(SERVICE, options.serviceToken),
  );
  const cache = new Map<string, { until: number; answer: Promise<{ keyId: string; partner: string } | null> }>();
  return {
    verify(key) {
      const digest = createHash('sha256').update(key).digest('hex');
      const now = Date.now();
      const hit = cache.get(digest);
      if (hit && hit.until > now) return hit.answer;
      const answer = callUnary<VerifyPartnerKeyResponse__Output>(
        (md, callOptions, cb) => client.verifyPartnerKey({ key }, md, callOptions, cb),
        options.deadlineMs,
      ).then((response) => (response.valid ? { keyId: response.keyId, partner: response.partner } : null));
      cache.delete(digest);
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(digest, { until: now + options.cacheMs, answer });
      // A failed check (member service down) is not remembered: the next request asks again.
      answer.catch(() => cache.delete(digest));
      return answer;
    },
    close: () => client.close(),
  };
}
