import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { memberSchema } from '../src/db/data-source';
import { Member } from '../src/db/entities/Member';
import { createLoaders } from '../src/graphql/loaders';
import { newMember } from '../src/commands/__tests__/memberFixture';

/**
 * The card's member read is plain SQL (kit findByPlainSql) instead of find(): on the database the
 * suite runs on (SQLite, or MySQL with DATABASE_URL) the loader answers the entity find() answers,
 * every column converted alike (instants, BIGINT spend, nulls), with one statement for many members,
 * and a grant past its expiry still ended before it is shown.
 */
let dataSource: DataSource;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(memberSchema));
});
afterAll(() => stop?.());

const loaders = () => createLoaders(dataSource, { identity: { kind: 'SERVICE', subject: 'test' }, requestId: 'r-1' });
const statements = () => (dataSource.logger as unknown as { count: number }).count;
const byFind = (id: string) => dataSource.getRepository(Member).findOneByOrFail({ id });

it('answers the members find() answers, column for column, one statement for all', async () => {
  const plain = await newMember(dataSource);
  const full = await newMember(dataSource);
  await dataSource.getRepository(Member).update(full.id, {
    name: 'Li Lei',
    birthday: '1990-02-03',
    gender: 'FEMALE',
    email: 'li@example.com',
    spend12mFen: 12_345_678_901,
    purchases12m: 42,
    activityAsOf: new Date('2026-11-01T08:09:10.123Z'),
    tierSince: new Date('2026-10-01T00:00:00.456Z'),
    profileCompletedAt: new Date('2026-09-01T00:00:00.789Z'),
    marketingConsentAt: new Date('2026-09-02T00:00:00.001Z'),
    tierSource: 'GRANTED',
    grantExpiresAt: new Date(Date.now() + 86_400_000),
  });

  const read = loaders();
  const before = statements();
  const [a, b, missing] = await Promise.all([read.member.load(plain.id), read.member.load(full.id), read.member.load('no-such-member')]);
  expect(statements() - before).toBe(1);
  expect(missing).toBeNull();
  expect(a).toBeInstanceOf(Member);
  expect(a).toStrictEqual(await byFind(plain.id));
  expect(b).toStrictEqual(await byFind(full.id));
  expect(b).toMatchObject({ spend12mFen: 12_345_678_901, gender: 'FEMALE', activityAsOf: new Date('2026-11-01T08:09:10.123Z') });
});

it('ends a grant past its expiry before showing the member', async () => {
  const member = await newMember(dataSource);
  await dataSource
    .getRepository(Member)
    .update(member.id, { tierId: 'GOLD', tierSource: 'GRANTED', grantExpiresAt: new Date(Date.now() - 1_000) });
  const shown = await loaders().member.load(member.id);
  expect(shown).toMatchObject({ tierId: member.tierId, tierSource: 'EARNED', grantExpiresAt: null });
  expect(shown).toStrictEqual(await byFind(member.id));
});
