import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { definePartner, definePartnerOffer } from '../src/commands/partners';
import { redeemPartnerOffer } from '../src/commands/redeemPartnerOffer';
import { benefitsSchema } from '../src/db/data-source';
import { ClearingEntry } from '../src/db/entities/ClearingEntry';
import { PartnerOffer } from '../src/db/entities/PartnerOffer';
import { PartnerOfferClaim } from '../src/db/entities/PartnerOfferClaim';
import { PartnerRedemption } from '../src/db/entities/PartnerRedemption';
import { MemoryMember } from './memoryPorts';

/**
 * No over-redemption of a cross-brand offer, on the database the suite runs on (SQLite by default,
 * MySQL with DATABASE_URL, where the redemptions really run side by side on a pool of
 * connections): simultaneous redemptions take exactly the stock and a member exactly their limit,
 * and the clearing ledger holds one entry for each redemption and no other.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
const member = new MemoryMember();
const HOTEL = { kind: 'PARTNER', partner: 'hotel' } as const;
const NOW = new Date('2026-11-30T12:00:00Z');

beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(benefitsSchema));
  for (let i = 0; i < 60; i += 1) member.sharing.add(member.add(`member-${i}`));
  await definePartner(dataSource, { code: 'hotel', name: 'Lakeside Hotels' }, 'staff:test');
});
afterAll(() => stop?.());

const offer = async (limits: { stock?: number; perMemberLimit?: number }) =>
  (
    await definePartnerOffer(
      dataSource,
      {
        partner: 'hotel',
        direction: 'PARTNER_TO_US',
        title: 'Late checkout',
        price: '30.00',
        validFrom: '2026-11-01T00:00:00+08:00',
        validTo: '2027-01-01T00:00:00+08:00',
        ...limits,
      },
      'staff:test',
    )
  ).id;
const redeem = (offerId: string, memberId: string, redemptionKey: string) =>
  redeemPartnerOffer(dataSource, member, { offerId, memberId, redemptionKey }, HOTEL, { utcOffsetMinutes: 480, now: NOW });

async function settle<T>(attempts: Array<Promise<T>>) {
  const outcomes = await Promise.allSettled(attempts);
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code?: string; details?: { reason?: string } }] : []));
  return { redeemed: outcomes.length - refusals.length, reasons: new Set(refusals.map((r) => `${r.code}:${r.details?.reason}`)) };
}

it('60 simultaneous redemptions by different members against a stock of 20 redeem exactly 20, each with one clearing entry', async () => {
  const id = await offer({ stock: 20 });
  const { redeemed, reasons } = await settle(Array.from({ length: 60 }, (_, i) => redeem(id, `member-${i}`, `stock-key-${i}`)));
  expect(redeemed).toBe(20);
  expect([...reasons]).toEqual(['CONFLICT:OUT_OF_STOCK']);
  expect(await dataSource.getRepository(PartnerRedemption).countBy({ offerId: id })).toBe(20);
  expect(await dataSource.getRepository(ClearingEntry).countBy({ offerId: id })).toBe(20);
  expect((await dataSource.getRepository(PartnerOffer).findOneByOrFail({ id })).stockLeft).toBe(0);
});

it('10 simultaneous redemptions by one member (different keys) against a limit of 1 redeem exactly 1', async () => {
  const id = await offer({ stock: 100, perMemberLimit: 1 });
  const { redeemed, reasons } = await settle(Array.from({ length: 10 }, (_, i) => redeem(id, 'member-7', `limit-key-${i}`)));
  expect(redeemed).toBe(1);
  expect([...reasons]).toEqual(['CONFLICT:PER_MEMBER_LIMIT']);
  expect(await dataSource.getRepository(PartnerRedemption).countBy({ offerId: id, memberId: 'member-7' })).toBe(1);
  expect(await dataSource.getRepository(ClearingEntry).countBy({ offerId: id })).toBe(1);
  expect(await dataSource.getRepository(PartnerOfferClaim).findOneByOrFail({ offerId: id, memberId: 'member-7' })).toMatchObject({
    redeemed: 1,
  });
  expect((await dataSource.getRepository(PartnerOffer).findOneByOrFail({ id })).stockLeft).toBe(99);
});

it('one key sent 20 times at once redeems once and takes one of the stock', async () => {
  const id = await offer({ stock: 5, perMemberLimit: 3 });
  const answers = await Promise.all(Array.from({ length: 20 }, () => redeem(id, 'member-3', 'replay-key-0001')));
  expect(new Set(answers.map((a) => a.redemption.id)).size).toBe(1);
  expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  expect(await dataSource.getRepository(ClearingEntry).countBy({ offerId: id })).toBe(1);
  expect((await dataSource.getRepository(PartnerOffer).findOneByOrFail({ id })).stockLeft).toBe(4);
  expect(await dataSource.getRepository(PartnerOfferClaim).findOneByOrFail({ offerId: id, memberId: 'member-3' })).toMatchObject({
    redeemed: 1,
  });
});

it.each([
  ['the last of the stock', { stock: 1 }, 'replay-key-0002'],
  ['a member allowed one', { perMemberLimit: 1 }, 'replay-key-0003'],
])('one key sent 20 times at once for %s is one redemption, answered to every retry', async (_, limits, key) => {
  const id = await offer(limits);
  const answers = await Promise.all(Array.from({ length: 20 }, () => redeem(id, 'member-4', key)));
  expect(new Set(answers.map((a) => a.redemption.id)).size).toBe(1);
  expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  expect(await dataSource.getRepository(ClearingEntry).countBy({ offerId: id })).toBe(1);
});
