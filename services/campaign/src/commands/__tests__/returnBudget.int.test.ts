import { Metadata, status as GrpcStatus, type ServerUnaryCall } from '@grpc/grpc-js';
import pino from 'pino';
import type { ReturnBudgetRequest__Output } from '../../../../../proto/gen/membergraph/campaign/v1/ReturnBudgetRequest';
import { snapshotDatabase } from '../../../../../test/harness/commandDatabase';
import { DomainError, unaryHandler } from '../../../../kit/src';
import { earnQuestion, useCampaignCommands, WEEK } from '../../../test/campaignFixture';
import { returnBudgetHandler } from '../../grpc/handlers/ReturnBudget';
import { BudgetReturn } from '../../db/entities/BudgetReturn';
import { Campaign } from '../../db/entities/Campaign';
import { CampaignGrant } from '../../db/entities/CampaignGrant';
import { EarnBoost } from '../../db/entities/EarnBoost';
import { boostEarn } from '../boostEarn';
import { createCampaign } from '../createCampaign';
import { BudgetBooksDisagree, returnBudget } from '../returnBudget';

const f = useCampaignCommands();

/** A double-points week with a budget of 1,000 extra points. */
const doubleWeek = (budgetPoints: number | null = 1000, activityCoefficient = '2.0') =>
  createCampaign(
    f.dataSource,
    { name: `Double ${activityCoefficient}`, activityCoefficient, ...WEEK, ...(budgetPoints === null ? {} : { budgetPoints }) },
    'staff:test',
  );
/** 100.00 CNY at base rate 1 and γ 1.0: 100 extra points at 2.0. */
const earn = (orderNo: string, amountFen = 10_000, rule: 'max' | 'product' = 'max') =>
  boostEarn(f.dataSource, f.peers, rule, earnQuestion(orderNo, { earn: { amountFen, baseRateMilli: 1000, multiplierMilli: 1000 } }));
const spent = async (id: string) => (await f.dataSource.getRepository(Campaign).findOneByOrFail({ id })).spentPoints;
const refused = (orderNo: string, reservationId: string) =>
  returnBudget(f.dataSource, {
    orderRef: `ORDER:${orderNo}`,
    key: `REFUSED:${reservationId}`,
    request: { kind: 'REFUSED', reservationId },
  });
const refunded = (orderNo: string, refundNo: string, refundedFen: number, amountFen = 10_000) =>
  returnBudget(f.dataSource, {
    orderRef: `ORDER:${orderNo}`,
    key: `REFUND:${refundNo}`,
    request: { kind: 'REFUND', refundedFen, amountFen },
  });

describe('returnBudget: a refused earn', () => {
  it('gives the whole reservation back once, and a retry of the order reserves afresh', async () => {
    const week = await doubleWeek();
    const first = await earn('O-1');
    expect(first).toMatchObject({ coefficientMilli: 2000, replayed: false });
    expect(first.reservationId).toEqual(expect.any(String));
    expect(await spent(week.id)).toBe(100);

    expect(await refused('O-1', first.reservationId!)).toEqual({ returnedPoints: 100, replayed: false });
    expect(await spent(week.id)).toBe(0);
    expect(await f.dataSource.getRepository(CampaignGrant).countBy({ grantRef: 'ORDER:O-1' })).toBe(0);
    expect(await f.dataSource.getRepository(EarnBoost).countBy({ orderRef: 'ORDER:O-1' })).toBe(0);
    // Delivered again (the outbox delivers at least once): nothing more.
    expect(await refused('O-1', first.reservationId!)).toEqual({ returnedPoints: 100, replayed: true });
    expect(await spent(week.id)).toBe(0);

    // The order is retried and earns: it reserves again, under a new reservation.
    const retry = await earn('O-1');
    expect(retry).toMatchObject({ coefficientMilli: 2000, replayed: false });
    expect(retry.reservationId).not.toBe(first.reservationId);
    expect(await spent(week.id)).toBe(100);
    // A late return naming the first reservation under another key leaves the new one alone.
    const stale = await returnBudget(f.dataSource, {
      orderRef: 'ORDER:O-1',
      key: 'REFUSED:late-copy',
      request: { kind: 'REFUSED', reservationId: first.reservationId! },
    });
    expect(stale).toEqual({ returnedPoints: 0, replayed: false });
    expect(await spent(week.id)).toBe(100);
    expect(await earn('O-1')).toMatchObject({ coefficientMilli: 2000, replayed: true, reservationId: retry.reservationId });
  });

  it('returns every budgeted factor of a MULTIPLY earn and touches no unbudgeted campaign', async () => {
    const double = await doubleWeek(1000, '2.0');
    const half = await doubleWeek(1000, '1.5');
    const open = await doubleWeek(null, '1.2');
    const answer = await earn('O-2', 10_000, 'product');
    // 1.0 → 2.0 (+100), → 3.0 (+100), → 3.6 (+60, unbudgeted).
    expect(answer).toMatchObject({ coefficientMilli: 3600 });
    expect([await spent(double.id), await spent(half.id), await spent(open.id)]).toEqual([100, 100, 0]);
    expect(await refused('O-2', answer.reservationId!)).toEqual({ returnedPoints: 200, replayed: false });
    expect([await spent(double.id), await spent(half.id), await spent(open.id)]).toEqual([0, 0, 0]);
  });
});

describe('returnBudget: a refunded order', () => {
  it('gives back the refunded share, cumulatively over partial refunds, once per refund', async () => {
    const week = await doubleWeek();
    await earn('O-3');
    // 30.00 of 100.00 refunded: 30 of the 100 extra points go back.
    expect(await refunded('O-3', 'R-1', 3000)).toEqual({ returnedPoints: 30, replayed: false });
    expect(await spent(week.id)).toBe(70);
    expect(await refunded('O-3', 'R-1', 3000)).toEqual({ returnedPoints: 30, replayed: true });
    // 33.33 more (63.33 in all): floor(100 × 6333 / 10000) = 63 in all, 33 now.
    expect(await refunded('O-3', 'R-2', 6333)).toEqual({ returnedPoints: 33, replayed: false });
    expect(await spent(week.id)).toBe(37);
    // The rest: all 100 back in all, never more.
    expect(await refunded('O-3', 'R-3', 10_000)).toEqual({ returnedPoints: 37, replayed: false });
    expect(await spent(week.id)).toBe(0);
    expect((await f.dataSource.getRepository(CampaignGrant).findOneByOrFail({ grantRef: 'ORDER:O-3' })).pointsReturned).toBe(100);
  });

  it('is order-free: an earlier refund delivered after a later one gives back nothing more', async () => {
    const week = await doubleWeek();
    await earn('O-4');
    expect(await refunded('O-4', 'R-b', 10_000)).toMatchObject({ returnedPoints: 100 });
    expect(await refunded('O-4', 'R-a', 5000)).toMatchObject({ returnedPoints: 0 });
    expect(await spent(week.id)).toBe(0);
  });

  it('gives back nothing for an order no budgeted campaign paid for', async () => {
    const open = await doubleWeek(null);
    await earn('O-5');
    expect(await refunded('O-5', 'R-5', 10_000)).toEqual({ returnedPoints: 0, replayed: false });
    expect(await refunded('O-unknown', 'R-6', 10_000)).toEqual({ returnedPoints: 0, replayed: false });
    expect(await spent(open.id)).toBe(0);
  });
});

describe('returnBudget: bad input and broken books', () => {
  it('refuses malformed returns and a key reused for another order, writing nothing', async () => {
    const week = await doubleWeek();
    await earn('O-7');
    await expect(refunded('O-7', 'R-7', 12_000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(refunded('O-7', 'R-7', 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      returnBudget(f.dataSource, { orderRef: 'CHECK_IN:1', key: 'REFUND:x', request: { kind: 'REFUND', refundedFen: 1, amountFen: 1 } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      returnBudget(f.dataSource, { orderRef: 'ORDER:O-7', key: 'REFUSED:', request: { kind: 'REFUSED', reservationId: '' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await f.dataSource.getRepository(BudgetReturn).count()).toBe(0);
    await refunded('O-7', 'R-8', 5000);
    await expect(refunded('O-other', 'R-8', 5000)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await spent(week.id)).toBe(50);
  });

  it('never takes spent points below zero: a return the books cannot cover is refused as a broken invariant and writes nothing', async () => {
    const week = await doubleWeek();
    await earn('O-9');
    const grant = await f.dataSource.getRepository(CampaignGrant).findOneByOrFail({ grantRef: 'ORDER:O-9' });
    await f.dataSource.getRepository(Campaign).update({ id: week.id }, { spentPoints: 10 });
    const before = await snapshotDatabase(f.dataSource);
    const failure = await refunded('O-9', 'R-9', 10_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BudgetBooksDisagree);
    // Not a DomainError: the kit answers it INTERNAL and logs it instead of passing a code to the caller.
    expect(failure).not.toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({
      orderRef: 'ORDER:O-9',
      key: 'REFUND:R-9',
      campaignId: week.id,
      grantId: grant.id,
      returning: 100,
      spentPoints: 10,
    });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });

  it('refuses a refused earn the books cannot cover the same way: the reservation and its grant stay', async () => {
    const week = await doubleWeek();
    const answer = await earn('O-10');
    await f.dataSource.getRepository(Campaign).update({ id: week.id }, { spentPoints: 99 });
    const before = await snapshotDatabase(f.dataSource);
    await expect(refused('O-10', answer.reservationId!)).rejects.toMatchObject({
      name: 'BudgetBooksDisagree',
      returning: 100,
      spentPoints: 99,
    });
    expect(await snapshotDatabase(f.dataSource)).toEqual(before);
  });

  it('is logged at error level on every attempt through the gRPC handler, with the order and the figures, and answered INTERNAL', async () => {
    const week = await doubleWeek();
    await earn('O-11');
    await f.dataSource.getRepository(Campaign).update({ id: week.id }, { spentPoints: 5 });
    const logged: Array<Record<string, any>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const handler = unaryHandler({ logger, serviceToken: 'token' }, (request: ReturnBudgetRequest__Output) =>
      returnBudgetHandler(f.dataSource, request),
    );
    const metadata = new Metadata();
    metadata.set('authorization', 'Bearer token');
    const request: ReturnBudgetRequest__Output = {
      orderRef: 'ORDER:O-11',
      key: 'REFUND:R-11',
      reservationId: '',
      refundedFen: '10000',
      amountFen: '10000',
    };
    const attempt = () =>
      new Promise<{ code?: number; details?: string }>((resolve) =>
        handler(
          { request, metadata, getPath: () => '/ReturnBudget' } as unknown as ServerUnaryCall<ReturnBudgetRequest__Output, never>,
          (error) => resolve(error as { code?: number; details?: string }),
        ),
      );
    // The points outbox delivers the same return again after a failure: each attempt is one error line.
    for (const expected of [1, 2]) {
      expect(await attempt()).toMatchObject({ code: GrpcStatus.INTERNAL, details: 'internal error' });
      expect(logged).toHaveLength(expected);
    }
    expect(logged[1]).toMatchObject({
      level: 50,
      err: { type: 'BudgetBooksDisagree', orderRef: 'ORDER:O-11', key: 'REFUND:R-11', campaignId: week.id, returning: 100, spentPoints: 5 },
    });
    expect(await spent(week.id)).toBe(5);
    expect(await f.dataSource.getRepository(BudgetReturn).count()).toBe(0);
  });
});
