import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { benefitsSchema } from '../../db/data-source';
import { ClearingEntry } from '../../db/entities/ClearingEntry';
import { PartnerOffer } from '../../db/entities/PartnerOffer';
import { PartnerRedemption } from '../../db/entities/PartnerRedemption';
import { partnerStatement } from '../../db/partnerStatements';
import { definePartner, definePartnerOffer } from '../partners';
import { redeemPartnerOffer, type RedeemPartnerOfferInput, type RedemptionCaller } from '../redeemPartnerOffer';
import { memberDirectory } from './benefitsFixture';

let db: CommandDatabase;
const member = memberDirectory({ 'm-share': 'GOLD', 'm-private': 'REGULAR', 'm-linked': 'SILVER' });
member.sharing.add('m-share');
member.sharing.add('m-linked');
member.partnerLinks.set('hotel:H-1001', 'm-linked');

const HOTEL: RedemptionCaller = { kind: 'PARTNER', partner: 'hotel' };
const AIRLINE: RedemptionCaller = { kind: 'PARTNER', partner: 'airline' };
const TILL: RedemptionCaller = { kind: 'US', actor: 'staff:till' };
/** 30 November 2026 evening in Shanghai: still November's statement; 16:30 UTC is already December there. */
const NOV = new Date('2026-11-30T12:00:00Z');
const DEC = new Date('2026-11-30T16:30:00Z');
const WINDOW = { validFrom: '2026-11-01T00:00:00+08:00', validTo: '2027-01-01T00:00:00+08:00' };
let hotelOffer: string;
let ourOffer: string;
let airlineOffer: string;

beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
  await definePartner(db.dataSource, { code: 'hotel', name: 'Lakeside Hotels' }, 'staff:ops');
  await definePartner(db.dataSource, { code: 'airline', name: 'Blue Sky Air' }, 'staff:ops');
  hotelOffer = (
    await definePartnerOffer(
      db.dataSource,
      { partner: 'hotel', direction: 'PARTNER_TO_US', title: 'Late checkout', price: '30.00', ...WINDOW },
      'staff:ops',
    )
  ).id;
  ourOffer = (
    await definePartnerOffer(
      db.dataSource,
      { partner: 'hotel', direction: 'US_TO_PARTNER', title: 'Tea for hotel guests', price: '12.50', ...WINDOW },
      'staff:ops',
    )
  ).id;
  airlineOffer = (
    await definePartnerOffer(
      db.dataSource,
      { partner: 'airline', direction: 'PARTNER_TO_US', title: 'Lounge', price: '80.00', ...WINDOW },
      'staff:ops',
    )
  ).id;
});
afterAll(() => db.close());

/** Stands for our offer's id in the table of cases, which is built before the offers exist. */
const OURS = 'our-offer';

const redeem = (input: Partial<RedeemPartnerOfferInput>, caller: RedemptionCaller, now = NOV) =>
  redeemPartnerOffer(
    db.dataSource,
    member,
    { offerId: hotelOffer, memberId: 'm-share', redemptionKey: 'hotel-stay-0001', ...input },
    caller,
    {
      utcOffsetMinutes: 480,
      now,
    },
  );

describe('cross-brand redemptions and their clearing entries', () => {
  it('a partner records its offer used by our consenting member: we owe it the agreed price', async () => {
    const { redemption, clearing, replayed } = await redeem({}, HOTEL);
    expect(replayed).toBe(false);
    expect(redemption).toMatchObject({ memberId: 'm-share', partnerCode: 'hotel', actor: 'partner:hotel' });
    expect(clearing).toMatchObject({ redemptionId: redemption.id, payer: 'US', amountFen: 3000, period: '2026-11' });
  });

  it('records a redemption once per key, with one clearing entry, however often and however concurrently it is sent', async () => {
    const again = await Promise.all([0, 1, 2].map(() => redeem({ redemptionKey: 'hotel-stay-0002' }, HOTEL)));
    const ids = new Set(again.map((r) => r.redemption.id));
    expect(ids.size).toBe(1);
    expect(again.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.dataSource.getRepository(ClearingEntry).countBy({ redemptionId: [...ids][0] })).toBe(1);
    await expect(redeem({ redemptionKey: 'hotel-stay-0002', memberId: 'm-linked' }, HOTEL)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'redemptionKey' },
    });
  });

  it("our checkout redeems our offer for the partner's linked member: the partner owes us", async () => {
    const { redemption, clearing } = await redeem(
      { offerId: ourOffer, memberId: null, partnerMemberId: 'H-1001', redemptionKey: 'till-C001-0001' },
      TILL,
      DEC,
    );
    expect(redemption).toMatchObject({ memberId: 'm-linked', partnerMemberId: 'H-1001', actor: 'staff:till' });
    expect(clearing).toMatchObject({ payer: 'PARTNER', amountFen: 1250, direction: 'US_TO_PARTNER', period: '2026-12' });
  });

  it("sums each partner's month exactly to its redemptions: receivable, payable, net", async () => {
    await redeem({ offerId: ourOffer, memberId: null, partnerMemberId: 'H-1001', redemptionKey: 'till-C001-0002' }, TILL, NOV);
    await redeem({ offerId: airlineOffer, redemptionKey: 'lounge-0001' }, AIRLINE);
    const november = await partnerStatement(db.dataSource, 'hotel', '2026-11');
    // Two hotel stays by our member (we pay 30.00 each), one tea for a hotel guest (the hotel pays 12.50).
    expect(november).toMatchObject({ receivableFen: 1250, payableFen: 6000, netFen: -4750, redemptions: 3 });
    const redemptions = await db.dataSource.getRepository(PartnerRedemption).findBy({ partnerCode: 'hotel' });
    const inNovember = redemptions.filter((r) => r.redeemedAt.getTime() !== DEC.getTime());
    expect(november.entries.map((e) => e.redemptionId).sort()).toEqual(inNovember.map((r) => r.id).sort());
    expect(await partnerStatement(db.dataSource, 'hotel', '2026-12')).toMatchObject({ receivableFen: 1250, payableFen: 0, redemptions: 1 });
    expect(await partnerStatement(db.dataSource, 'airline', '2026-11')).toMatchObject({ payableFen: 8000, netFen: -8000, redemptions: 1 });
  });

  it.each<[string, Partial<RedeemPartnerOfferInput>, RedemptionCaller, string, Date?]>([
    ["another partner's offer", {}, AIRLINE, 'NOT_FOUND'],
    ['an unknown offer', { offerId: '00000000-0000-4000-8000-000000000000' }, HOTEL, 'NOT_FOUND'],
    ['a member who does not share with partners', { memberId: 'm-private', redemptionKey: 'hotel-stay-9001' }, HOTEL, 'FORBIDDEN'],
    ['an unknown member', { memberId: 'm-nobody', redemptionKey: 'hotel-stay-9002' }, HOTEL, 'FORBIDDEN'],
    ["our checkout recording a partner's offer", { redemptionKey: 'hotel-stay-9003' }, TILL, 'FORBIDDEN'],
    ['a partner redeeming our offer', { offerId: OURS, partnerMemberId: 'H-1001', redemptionKey: 'x-9004-key' }, HOTEL, 'FORBIDDEN'],
    ['a partner member never linked', { offerId: OURS, partnerMemberId: 'H-404', redemptionKey: 'till-9005' }, TILL, 'NOT_FOUND'],
    ['a missing partner member id', { offerId: OURS, redemptionKey: 'till-9006' }, TILL, 'BAD_USER_INPUT'],
    ['an ended offer', { redemptionKey: 'hotel-stay-9007' }, HOTEL, 'BAD_USER_INPUT', new Date('2027-02-01T00:00:00Z')],
    ['a short key', { redemptionKey: 'k' }, HOTEL, 'BAD_USER_INPUT'],
  ])('refuses %s, writing nothing', async (...row) => {
    // A rest parameter: jest would take a fifth declared parameter for a done callback.
    const [, input, caller, code, now] = row;
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem(input.offerId === OURS ? { ...input, offerId: ourOffer } : input, caller, now)).rejects.toMatchObject({ code });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('offers', () => {
  it.each([
    ['partner', { partner: 'nobody' }, 'NOT_FOUND'],
    ['price', { price: '-1.00' }, 'BAD_USER_INPUT'],
    ['price', { price: '0.00' }, 'BAD_USER_INPUT'],
    ['direction', { direction: 'SIDEWAYS' }, 'BAD_USER_INPUT'],
    ['validTo', { validTo: '2026-10-01T00:00:00+08:00' }, 'BAD_USER_INPUT'],
    ['fundedBy', { fundedBy: 'NOBODY' }, 'BAD_USER_INPUT'],
    ['stock', { stock: -1 }, 'BAD_USER_INPUT'],
    ['stock', { stock: 0 }, 'BAD_USER_INPUT'],
    ['stock', { stock: 2.5 }, 'BAD_USER_INPUT'],
    ['perMemberLimit', { perMemberLimit: -3 }, 'BAD_USER_INPUT'],
    ['perMemberLimit', { perMemberLimit: 0 }, 'BAD_USER_INPUT'],
    ['perMemberLimit', { perMemberLimit: 1001 }, 'BAD_USER_INPUT'],
  ])('refuses a bad %s, writing nothing', async (field, change, code) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(
      definePartnerOffer(
        db.dataSource,
        { partner: 'hotel', direction: 'PARTNER_TO_US', title: 'x', price: '1.00', ...WINDOW, ...change },
        'staff:ops',
      ),
    ).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});

describe('stock and the per-member limit', () => {
  const limitedOffer = async (limits: { stock?: number; perMemberLimit?: number }) =>
    definePartnerOffer(
      db.dataSource,
      { partner: 'hotel', direction: 'PARTNER_TO_US', title: 'Spa day', price: '50.00', ...WINDOW, ...limits },
      'staff:ops',
    );
  const remainingOf = async (id: string) => (await db.dataSource.getRepository(PartnerOffer).findOneByOrFail({ id })).stockLeft;

  it('an offer without stock or limit keeps none', async () => {
    const offer = await db.dataSource.getRepository(PartnerOffer).findOneByOrFail({ id: hotelOffer });
    expect(offer).toMatchObject({ stock: null, stockLeft: null, perMemberLimit: null });
  });

  it('takes one of the stock per redemption and refuses the one over it with OUT_OF_STOCK, writing nothing', async () => {
    const { id } = await limitedOffer({ stock: 2 });
    expect(await remainingOf(id)).toBe(2);
    await redeem({ offerId: id, redemptionKey: 'spa-stock-0001' }, HOTEL);
    await redeem({ offerId: id, memberId: 'm-linked', redemptionKey: 'spa-stock-0002' }, HOTEL);
    expect(await remainingOf(id)).toBe(0);
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem({ offerId: id, redemptionKey: 'spa-stock-0003' }, HOTEL)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OUT_OF_STOCK' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });

  it('a replayed key answers the first redemption and takes no stock, also once the stock is gone', async () => {
    const { id } = await limitedOffer({ stock: 1 });
    const first = await redeem({ offerId: id, redemptionKey: 'spa-replay-0001' }, HOTEL);
    const before = await snapshotDatabase(db.dataSource);
    const again = await redeem({ offerId: id, redemptionKey: 'spa-replay-0001' }, HOTEL);
    expect(again).toMatchObject({ replayed: true, redemption: { id: first.redemption.id }, clearing: { id: first.clearing.id } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    expect(await remainingOf(id)).toBe(0);
  });

  it('counts each member against the limit and refuses the one over it with PER_MEMBER_LIMIT, writing nothing', async () => {
    const { id } = await limitedOffer({ stock: 10, perMemberLimit: 2 });
    await redeem({ offerId: id, redemptionKey: 'spa-limit-0001' }, HOTEL);
    await redeem({ offerId: id, redemptionKey: 'spa-limit-0002' }, HOTEL);
    const before = await snapshotDatabase(db.dataSource);
    await expect(redeem({ offerId: id, redemptionKey: 'spa-limit-0003' }, HOTEL)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'PER_MEMBER_LIMIT' },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
    // Another member has their own count; the refusal took no stock.
    await redeem({ offerId: id, memberId: 'm-linked', redemptionKey: 'spa-limit-0004' }, HOTEL);
    expect(await remainingOf(id)).toBe(7);
  });

  it("counts our offer's limit per member of ours behind the partner's id", async () => {
    const { id } = await definePartnerOffer(
      db.dataSource,
      { partner: 'hotel', direction: 'US_TO_PARTNER', title: 'Cake for guests', price: '8.00', ...WINDOW, perMemberLimit: 1 },
      'staff:ops',
    );
    await redeem({ offerId: id, memberId: null, partnerMemberId: 'H-1001', redemptionKey: 'till-cake-0001' }, TILL);
    await expect(
      redeem({ offerId: id, memberId: null, partnerMemberId: 'H-1001', redemptionKey: 'till-cake-0002' }, TILL),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'PER_MEMBER_LIMIT' } });
  });
});
