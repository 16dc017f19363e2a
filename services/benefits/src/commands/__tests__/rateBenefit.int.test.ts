import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { tallyRatings } from '../../db/benefitRatings';
import { benefitsSchema } from '../../db/data-source';
import { BenefitRating } from '../../db/entities/BenefitRating';
import { rateBenefit } from '../rateBenefit';
import { NOW } from './benefitsFixture';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(benefitsSchema);
});
afterAll(() => db.close());

const MEMBER = '00000000-0000-4000-8000-000000000001';
const other = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('rateBenefit', () => {
  it('keeps one rating per member and benefit: rating again replaces the score', async () => {
    const first = await rateBenefit(db.dataSource, { memberId: MEMBER, benefitCode: 'BIRTHDAY', score: 4 }, NOW);
    expect(first).toMatchObject({ created: true, rating: { score: 4, times: 1 } });
    const later = new Date(NOW.getTime() + 60_000);
    const again = await rateBenefit(db.dataSource, { memberId: MEMBER, benefitCode: 'BIRTHDAY', score: 9 }, later);
    expect(again).toMatchObject({ created: false, rating: { score: 9, times: 2, ratedAt: later } });
    expect(await db.dataSource.getRepository(BenefitRating).countBy({ memberId: MEMBER })).toBe(1);
  });

  it('counts a member once however often they rate, even all at once', async () => {
    const member = other(2);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        rateBenefit(db.dataSource, { memberId: member, benefitCode: 'DISCOUNT', score: 2 + (i % 2) }, NOW),
      ),
    );
    const rows = await db.dataSource.getRepository(BenefitRating).findBy({ memberId: member });
    expect(rows).toHaveLength(1);
    expect(rows[0].times).toBe(8);
  });

  it('tallies each benefit over its members (count and sum, exact)', async () => {
    await rateBenefit(db.dataSource, { memberId: other(3), benefitCode: 'BIRTHDAY', score: 6 }, NOW);
    const tallies = await tallyRatings(db.dataSource);
    expect(tallies.find((t) => t.benefitCode === 'BIRTHDAY')).toEqual({ benefitCode: 'BIRTHDAY', ratings: 2, sum: 15 });
    expect(tallies.find((t) => t.benefitCode === 'DISCOUNT')).toMatchObject({ ratings: 1 });
  });

  it.each([
    ['score', 'BAD_USER_INPUT', { benefitCode: 'BIRTHDAY', score: 11 }],
    ['score', 'BAD_USER_INPUT', { benefitCode: 'BIRTHDAY', score: 0 }],
    ['benefitCode', 'BAD_USER_INPUT', { benefitCode: 'birthday', score: 5 }],
    ['benefitCode', 'NOT_FOUND', { benefitCode: 'NO_SUCH_BENEFIT', score: 5 }],
  ])('refuses a bad %s (%s), writing nothing', async (field, code, input) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(rateBenefit(db.dataSource, { memberId: MEMBER, ...input }, NOW)).rejects.toMatchObject({ code, details: { field } });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
