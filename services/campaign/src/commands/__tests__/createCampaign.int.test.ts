import { openCommandDatabase, snapshotDatabase, type CommandDatabase } from '../../../../../test/harness/commandDatabase';
import { campaignSchema } from '../../db/data-source';
import { Campaign } from '../../db/entities/Campaign';
import { createCampaign } from '../createCampaign';

let db: CommandDatabase;
beforeAll(async () => {
  db = await openCommandDatabase(campaignSchema);
});
afterAll(() => db.close());

const VALID = {
  name: ' Double points week ',
  activityCoefficient: '2.0',
  startsAt: '2026-12-01T00:00:00+08:00',
  endsAt: '2026-12-08T00:00:00+08:00',
};

describe('createCampaign', () => {
  it('stores the campaign with its coefficient in thousandths and its window as instants', async () => {
    const created = await createCampaign(db.dataSource, VALID);
    const stored = await db.dataSource.getRepository(Campaign).findOneByOrFail({ id: created.id });
    expect(stored).toMatchObject({
      name: 'Double points week',
      coefficientMilli: 2000,
      startsAt: new Date('2026-11-30T16:00:00Z'),
      endsAt: new Date('2026-12-07T16:00:00Z'),
    });
  });

  it('gives every campaign its own id, even with the same details', async () => {
    const [one, two] = [await createCampaign(db.dataSource, VALID), await createCampaign(db.dataSource, VALID)];
    expect(one.id).not.toBe(two.id);
  });

  it.each([
    ['activityCoefficient', { activityCoefficient: '0.999' }],
    ['activityCoefficient', { activityCoefficient: '10.001' }],
    ['activityCoefficient', { activityCoefficient: '2.0001' }],
    ['name', { name: '   ' }],
    ['name', { name: 'n'.repeat(129) }],
    ['startsAt', { startsAt: '2026-12-01' }],
    ['endsAt', { endsAt: '2026-12-01T00:00:00+08:00' }],
  ])('refuses a bad %s with BAD_USER_INPUT, writing nothing', async (field, change) => {
    const before = await snapshotDatabase(db.dataSource);
    await expect(createCampaign(db.dataSource, { ...VALID, ...change })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field },
    });
    expect(await snapshotDatabase(db.dataSource)).toEqual(before);
  });
});
