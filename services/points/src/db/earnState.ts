import type { DataSource } from 'typeorm';
import { findOneEachByPlainSql, outsideTransaction } from '../../../kit/src';
import { MemberTierCopy } from './entities/MemberTierCopy';
import { Order } from './entities/Order';
import { PointsAccount } from './entities/PointsAccount';

/** What an earn reads before it asks any peer or writes anything. */
export interface EarnState {
  /** The order as recorded already (a retry or a reused order number), or undefined. */
  order: Order | undefined;
  /** Points' copy of the member's tier (tierForEarn), or undefined. */
  tierCopy: MemberTierCopy | undefined;
  /** The member's points account as it was before the earn's transaction (inAccountTransaction's `readBefore`), or undefined. */
  account: PointsAccount | undefined;
}

/**
 * The order, the member's tier copy and their points account in one statement (primary-key
 * look-ups joined to a one-row table): an earn needs them all, and a round trip each cost a
 * statement's CPU each. The order decides alone whether it is a replay, so a till's retry is still
 * answered from it while member is down. The account is read without a lock: the earn's guarded
 * UPDATE refuses it if it changed before the earn's transaction (inAccountTransaction). Read outside
 * any transaction (outsideTransaction): on SQLite's one connection a read sent while another
 * request's transaction is open sees its uncommitted rows, and an account planned from a change
 * later rolled back can pass the version guard once another change brings it to that version.
 */
export async function readEarnState(dataSource: DataSource, orderNo: string, memberId: string): Promise<EarnState> {
  return outsideTransaction(dataSource, () =>
    findOneEachByPlainSql(dataSource, {
      order: [Order, orderNo],
      tierCopy: [MemberTierCopy, memberId],
      account: [PointsAccount, memberId],
    }),
  );
}
