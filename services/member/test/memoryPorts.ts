import { DomainError } from '../../kit/src';
import type { AccountMerge, BonusKind, MemberPeers, PointsPort } from '../src/ports';

export type PointsCall = { award: BonusKind; memberId: string } | { merge: AccountMerge };

/** The points service in memory: every call recorded in the order it arrived, each applied once like the real one. */
export class MemoryPoints implements PointsPort {
  readonly calls: PointsCall[] = [];
  /** While true every call fails as a points service that is down would (UNAVAILABLE). */
  down = false;
  private readonly applied = new Set<string>();

  async awardBonus(memberId: string, kind: BonusKind) {
    this.failIfDown();
    this.calls.push({ award: kind, memberId });
    const replayed = !this.once(`AWARD:${kind}:${memberId}`);
    return { points: 100, balanceAfter: 100, replayed };
  }

  async mergeAccounts(merge: AccountMerge) {
    this.failIfDown();
    this.calls.push({ merge });
    const replayed = !this.once(`MERGE:${merge.mergeId}`);
    return { pointsMoved: 0, targetBalanceAfter: 0, replayed };
  }

  private once(key: string): boolean {
    if (this.applied.has(key)) return false;
    this.applied.add(key);
    return true;
  }

  private failIfDown(): void {
    if (this.down) throw new DomainError('UNAVAILABLE', 'a service this request depends on is unavailable; retry later');
  }
}

export interface MemoryMemberPeers extends MemberPeers {
  points: MemoryPoints;
}

export function memoryPeers(): MemoryMemberPeers {
  return { points: new MemoryPoints() };
}
