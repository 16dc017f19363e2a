import type { DataSource } from 'typeorm';
import { findOneEachByPlainSql } from '../../../kit/src';
import { MemberTierCopy } from './entities/MemberTierCopy';
import { Order } from './entities/Order';

/** What an earn reads before it asks any peer or writes anything. */
export interface EarnState {
  /** The order as recorded already (a retry or a reused order number), or undefined. */
  order: Order | undefined;
  /** Points' copy of the member's tier (tierForEarn), or undefined. */
  tierCopy: MemberTierCopy | undefined;
}

/**
 * The order and the member's tier copy in one statement (two primary-key look-ups joined to a
 * one-row table): an earn needs both before anything else, and a round trip each cost a statement's
 * CPU twice. The order decides alone whether it is a replay, so a till's retry is still answered
 * from it while member is down.
 */
export async function readEarnState(dataSource: DataSource, orderNo: string, memberId: string): Promise<EarnState> {
  const { order, tierCopy } = await findOneEachByPlainSql(dataSource, {
    order: [Order, orderNo],
    tierCopy: [MemberTierCopy, memberId],
  });
  return { order, tierCopy };
}
