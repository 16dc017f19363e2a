import DataLoader from 'dataloader';
import { In, IsNull, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { groupByKeys, orderByKeys } from '../../../kit/src';
import { PendingPoints } from '../db/entities/PendingPoints';
import { PointsAccount } from '../db/entities/PointsAccount';
import { PointsLot } from '../db/entities/PointsLot';
import { spendStats, type SpendView } from '../db/spendStats';
import { holdsOf } from '../commands/expireLots';
import { EXPIRY_NOTICE_DAYS, expiringBy } from '../domain/expiry';
import type { MemberPort } from '../ports';

const DAY_MS = 86_400_000;

export interface AccountView {
  memberId: string;
  balance: number;
  debt: number;
  /** Points held by unfinished two-phase spends (reward redemptions). */
  held: number;
}

interface AccountRow {
  member_id: string;
  balance: string | number;
  debt: string | number;
  held: string | number;
}

/**
 * The figures of the members' accounts, by plain SQL: every card reads them, and the entity
 * manager's query building and hydration cost more than the statement (BIGINT: a string from
 * mysql2, a number from SQLite, as the entity's bigintColumn reads it).
 */
async function accountViews(dataSource: DataSource, memberIds: readonly string[]): Promise<AccountView[]> {
  const rows: AccountRow[] = await dataSource.query(
    `SELECT member_id, balance, debt, held FROM ${dataSource.getMetadata(PointsAccount).tableName} WHERE member_id IN (${memberIds.map(() => '?').join(', ')})`,
    [...memberIds],
  );
  return rows.map((row) => ({ memberId: row.member_id, balance: Number(row.balance), debt: Number(row.debt), held: Number(row.held) }));
}

/**
 * Per-request loaders, each made on first use (a card reads the account alone: a request builds
 * only what it reads): one statement each for any number of members.
 */
export class PointsLoaders {
  private made: {
    accountOfMember?: DataLoader<string, AccountView>;
    lotsExpiringSoon?: DataLoader<string, Array<{ remaining: number; expiresAt: Date }>>;
    pendingOfMember?: DataLoader<string, number>;
    spendOfMember?: DataLoader<string, SpendView>;
  } = {};

  constructor(
    private readonly dataSource: DataSource,
    private readonly member: Pick<MemberPort, 'getExpiryHolds'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get accountOfMember(): DataLoader<string, AccountView> {
    return (this.made.accountOfMember ??= new DataLoader(async (memberIds) =>
      orderByKeys(
        memberIds,
        await accountViews(this.dataSource, memberIds),
        (a) => a.memberId,
        (memberId): AccountView => ({ memberId, balance: 0, debt: 0, held: 0 }),
      ),
    ));
  }

  /** Lots expiring within the notice period by the member's tier now (none on Diamond), with their effective expiry. */
  get lotsExpiringSoon(): DataLoader<string, Array<{ remaining: number; expiresAt: Date }>> {
    return (this.made.lotsExpiringSoon ??= new DataLoader(async (memberIds) => {
      const until = new Date(this.now().getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
      // Not bounded below: a lot past its calendar date may still be held, or in its notice period after Diamond.
      const lots = await this.dataSource.getRepository(PointsLot).find({
        where: { memberId: In([...memberIds]), remaining: MoreThan(0), expiresAt: LessThanOrEqual(until) },
        order: { expiresAt: 'ASC' },
      });
      if (lots.length === 0) return memberIds.map(() => []);
      const holds = await holdsOf(
        this.member,
        lots.map((lot) => lot.memberId),
      );
      return groupByKeys(memberIds, lots, (l) => l.memberId).map((own) =>
        expiringBy(own, holds.get(own[0]?.memberId ?? ''), until)
          .map(({ lot, expiresAt }) => ({ remaining: lot.remaining, expiresAt }))
          .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()),
      );
    }));
  }

  get pendingOfMember(): DataLoader<string, number> {
    return (this.made.pendingOfMember ??= new DataLoader(async (memberIds) => {
      const rows: Array<{ memberId: string; points: string | number }> = await this.dataSource
        .getRepository(PendingPoints)
        .createQueryBuilder('p')
        .select('p.member_id', 'memberId')
        .addSelect('SUM(p.points)', 'points')
        .where({ memberId: In([...memberIds]), releasedAt: IsNull() })
        .groupBy('p.member_id')
        .getRawMany();
      return orderByKeys(memberIds, rows, (r) => r.memberId).map((row) => Number(row?.points ?? 0));
    }));
  }

  get spendOfMember(): DataLoader<string, SpendView> {
    return (this.made.spendOfMember ??= new DataLoader((memberIds) => spendStats(this.dataSource, memberIds, this.now())));
  }
}

export function createLoaders(dataSource: DataSource, member: Pick<MemberPort, 'getExpiryHolds'>, now?: () => Date): PointsLoaders {
  return new PointsLoaders(dataSource, member, now);
}
