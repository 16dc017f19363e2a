import { randomUUID } from 'node:crypto';
import { DomainError } from '../../kit/src';
import type { MemberPort, PointsPort } from '../src/ports';
import type { SpendSignals } from '../src/domain/ranking';

/** The member service in memory: the members it knows and their tiers, every id it was asked about. */
export class MemoryMember implements MemberPort {
  readonly tiers = new Map<string, string>();
  /** Every look-up (a refused input must not ask at all). */
  readonly asked: string[] = [];
  /** While true every call fails as a member service that is down would (UNAVAILABLE). */
  down = false;

  /** Members' birthdays, MM-DD (listBirthdays). */
  readonly birthdays = new Map<string, string>();
  /** Every listBirthdays page asked for. */
  readonly pagesAsked: Array<{ monthDays: string[]; after: string }> = [];

  /** A known member, on the entry tier unless told otherwise, born on `birthday` (MM-DD) if given. */
  add(memberId: string, tierId = 'REGULAR', birthday?: string): string {
    this.tiers.set(memberId, tierId);
    if (birthday) this.birthdays.set(memberId, birthday);
    return memberId;
  }

  /** Members who allow partner sharing. */
  readonly sharing = new Set<string>();
  /** `<partner>:<partner member id>` → our member id. */
  readonly partnerLinks = new Map<string, string>();

  async getPartnerSharing(memberId: string) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    return this.tiers.has(memberId) ? this.sharing.has(memberId) : null;
  }

  async resolvePartnerMember(partner: string, partnerMemberId: string) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    return this.partnerLinks.get(`${partner}:${partnerMemberId}`) ?? null;
  }

  async listBirthdays(monthDays: readonly string[], afterMemberId: string, limit: number) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.pagesAsked.push({ monthDays: [...monthDays], after: afterMemberId });
    const born = [...this.birthdays]
      .filter(([id, md]) => monthDays.includes(md) && id > afterMemberId)
      .map(([memberId]) => ({ memberId, tierId: this.tiers.get(memberId)! }))
      .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
      .slice(0, limit);
    return { members: born, nextAfterMemberId: born.length === limit ? born[born.length - 1].memberId : null };
  }

  async getMemberTier(memberId: string) {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
    this.asked.push(memberId);
    const tierId = this.tiers.get(memberId);
    return tierId ? { memberId, tierId } : null;
  }
}

/**
 * The points service's two-phase spending in memory, with its rules (proto/points.proto): a hold
 * leaves the spendable balance at once, a capture appends a REDEEM entry to the ledger, a release
 * (or a marker for a key never held) gives it back; each once by key. The ledger is kept, so tests
 * check Σ ledger == balance and who paid for what.
 */
export class MemoryPoints implements PointsPort {
  readonly balances = new Map<string, number>();
  readonly holds = new Map<
    string,
    { memberId: string; points: number; state: 'HELD' | 'CAPTURED' | 'RELEASED'; expiresAt: Date; entryId?: string }
  >();
  readonly ledger: Array<{ memberId: string; points: number; key: string }> = [];
  /** While true every call fails as a points service that is down would (UNAVAILABLE). */
  down = false;
  /** Called before each call (name, hold key): a test throws here, or delays, to inject failures at the edge. */
  before: (call: 'hold' | 'capture' | 'release', holdKey: string) => Promise<void> = async () => undefined;
  /** Called after a call applied, before it answers: a throw here is an answer lost on the way back. */
  after: (call: 'hold' | 'capture' | 'release', holdKey: string) => Promise<void> = async () => undefined;

  earn(memberId: string, points: number): void {
    this.balances.set(memberId, (this.balances.get(memberId) ?? 0) + points);
    this.ledger.push({ memberId, points, key: `EARN:${this.ledger.length}` });
  }

  held(memberId: string): number {
    return [...this.holds.values()].filter((h) => h.memberId === memberId && h.state === 'HELD').reduce((sum, h) => sum + h.points, 0);
  }

  private check(): void {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
  }

  /** Members' rolling-12-month figures (getSpendStats); zeros for anyone not set. */
  readonly spend = new Map<string, SpendSignals>();

  async getSpendStats(memberIds: readonly string[]) {
    this.check();
    return memberIds.map((id) => this.spend.get(id) ?? { spendFen: 0, purchases: 0, lastPurchaseAt: null });
  }

  async getSpendable(memberId: string) {
    this.check();
    return Math.max(0, (this.balances.get(memberId) ?? 0) - this.held(memberId));
  }

  async hold(hold: { memberId: string; points: number; holdKey: string; expiresAt: Date }) {
    this.check();
    await this.before('hold', hold.holdKey);
    const known = this.holds.get(hold.holdKey);
    let replayed = true;
    if (known) {
      if (known.state === 'RELEASED' || known.memberId !== hold.memberId || known.points !== hold.points) {
        throw new DomainError('CONFLICT', 'this hold was released or is another hold');
      }
    } else {
      if (hold.points > (await this.getSpendable(hold.memberId))) throw new DomainError('INSUFFICIENT_POINTS', 'not enough points');
      this.holds.set(hold.holdKey, { memberId: hold.memberId, points: hold.points, state: 'HELD', expiresAt: hold.expiresAt });
      replayed = false;
    }
    await this.after('hold', hold.holdKey);
    return { held: hold.points, expiresAt: hold.expiresAt, replayed };
  }

  async capture(holdKey: string) {
    this.check();
    await this.before('capture', holdKey);
    const hold = this.holds.get(holdKey);
    if (!hold) throw new DomainError('NOT_FOUND', `no hold ${holdKey}`);
    if (hold.state === 'RELEASED') throw new DomainError('CONFLICT', 'this hold was released');
    const replayed = hold.state === 'CAPTURED';
    if (!replayed) {
      hold.state = 'CAPTURED';
      hold.entryId = randomUUID();
      this.balances.set(hold.memberId, (this.balances.get(hold.memberId) ?? 0) - hold.points);
      this.ledger.push({ memberId: hold.memberId, points: -hold.points, key: `HOLD:${holdKey}` });
    }
    await this.after('capture', holdKey);
    return { entryId: hold.entryId!, balanceAfter: this.balances.get(hold.memberId) ?? 0, replayed };
  }

  async release(holdKey: string, memberId: string) {
    this.check();
    await this.before('release', holdKey);
    const hold = this.holds.get(holdKey);
    let answer: { state: 'RELEASED' | 'CAPTURED'; replayed: boolean };
    if (!hold) {
      this.holds.set(holdKey, { memberId, points: 0, state: 'RELEASED', expiresAt: new Date() });
      answer = { state: 'RELEASED', replayed: false };
    } else if (hold.state === 'HELD') {
      hold.state = 'RELEASED';
      answer = { state: 'RELEASED', replayed: false };
    } else answer = { state: hold.state, replayed: true };
    await this.after('release', holdKey);
    return answer;
  }
}
