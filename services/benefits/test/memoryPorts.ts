import { DomainError } from '../../kit/src';
import type { MemberPort } from '../src/ports';

/** The member service in memory: the members it knows and their tiers, every id it was asked about. */
export class MemoryMember implements MemberPort {
  readonly tiers = new Map<string, string>();
  /** Every look-up (a refused input must not ask at all). */
  readonly asked: string[] = [];
  /** While true every call fails as a member service that is down would (UNAVAILABLE). */
  down = false;

  /** A known member, on the entry tier unless told otherwise. */
  add(memberId: string, tierId = 'REGULAR'): string {
    this.tiers.set(memberId, tierId);
    return memberId;
  }

  async getMemberTier(memberId: string) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.asked.push(memberId);
    const tierId = this.tiers.get(memberId);
    return tierId ? { memberId, tierId } : null;
  }
}
