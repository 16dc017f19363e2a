import type { DataSource } from 'typeorm';
import { DomainError } from '../../kit/src';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { Campaign } from '../src/db/entities/Campaign';
import { CampaignAction } from '../src/db/entities/CampaignAction';
import { CampaignProgress } from '../src/db/entities/CampaignProgress';
import { ExperimentParticipant } from '../src/db/entities/ExperimentParticipant';
import { ReferralInvitation } from '../src/db/entities/ReferralInvitation';
import { ReferralMember } from '../src/db/entities/ReferralMember';
import { campaignSchema } from '../src/db/data-source';
import { getMemberEngagement } from '../src/grpc/handlers/GetMemberEngagement';

/**
 * GetMemberEngagement on the database the suite runs on (SQLite by default, MySQL with
 * DATABASE_URL): every kind of engagement campaign stores, per member, windowed, check-ins left to
 * points, an action counted by two campaigns once; bad input refused. (Over real gRPC, risk reads it
 * in services/risk/test/member-models.int.test.ts.)
 */
let dataSource: DataSource;
let stop: () => Promise<void>;

const at = (day: number) => new Date(Date.UTC(2026, 8, day, 10, 0, 0, 0));
const ms = (day: number) => String(at(day).getTime());

beforeAll(async () => {
  ({ dataSource, close: stop } = await openServiceTestDatabase(campaignSchema));
  const campaign = (id: string, type: Campaign['type'], taskAction: string) => ({
    id,
    name: id,
    type,
    status: 'SCHEDULED' as const,
    coefficientMilli: 1000,
    startsAt: at(1),
    endsAt: at(30),
    taskAction,
  });
  await dataSource
    .getRepository(Campaign)
    .insert([
      campaign('task-profile', 'TASK', 'PROFILE_COMPLETION'),
      campaign('bonus-profile', 'BONUS', 'PROFILE_COMPLETION'),
      campaign('streak', 'CHECK_IN_STREAK', 'CHECK_IN'),
    ]);
  await dataSource.getRepository(CampaignAction).insert([
    // One completed profile counted by two campaigns: one engagement.
    { campaignId: 'task-profile', memberId: 'm-a', actionRef: 'PROFILE', at: at(5) },
    { campaignId: 'bonus-profile', memberId: 'm-a', actionRef: 'PROFILE', at: at(5) },
    // Check-ins are points' to report.
    { campaignId: 'streak', memberId: 'm-a', actionRef: '2026-09-06', at: at(6) },
    { campaignId: 'streak', memberId: 'm-a', actionRef: '2026-09-07', at: at(7) },
  ]);
  await dataSource.getRepository(CampaignProgress).insert([
    { campaignId: 'task-profile', memberId: 'm-a', done: 1, streak: 0, lastDay: null, rewardedAt: at(5) },
    { campaignId: 'streak', memberId: 'm-b', done: 3, streak: 3, lastDay: '2026-09-08', rewardedAt: null },
  ]);
  await dataSource.getRepository(ReferralInvitation).insert([
    { id: 'inv-1', memberId: 'm-b', channel: 'WEB', createdAt: at(3) },
    { id: 'inv-2', memberId: 'm-b', channel: 'MINI_PROGRAM', createdAt: at(20) },
    // Outside the window asked for below.
    { id: 'inv-3', memberId: 'm-b', channel: 'WEB', createdAt: at(29) },
  ]);
  const registration = { channel: 'WEB', registeredAt: at(4), referralCode: 'CODE', attributedAt: at(4) };
  await dataSource.getRepository(ReferralMember).insert([
    { ...registration, memberId: 'friend-1', inviterId: 'm-b', status: 'COUNTED', countedAt: at(12) },
    // Registered but not counted (no qualifying purchase yet): no conversion.
    { ...registration, memberId: 'friend-2', inviterId: 'm-b', status: 'WAITING', countedAt: null },
  ]);
  await dataSource.getRepository(ExperimentParticipant).insert([
    { experimentId: 'exp-1', memberId: 'm-a', variantKey: 'A', channel: 'WEB', exposedAt: at(8), convertedAt: at(9) },
    { experimentId: 'exp-2', memberId: 'm-b', variantKey: 'B', channel: 'POS', exposedAt: at(10), convertedAt: null },
  ]);
});
afterAll(() => stop?.());

describe('GetMemberEngagement', () => {
  it("answers each requested member's campaign engagement in the window, oldest first, in request order", async () => {
    const answer = await getMemberEngagement(dataSource, {
      memberIds: ['m-b', 'm-a', 'm-none', 'm-a'],
      sinceEpochMs: ms(2),
      beforeEpochMs: ms(25),
    });
    expect(answer.members!.map((m) => m.memberId)).toEqual(['m-b', 'm-a', 'm-none']);
    const [b, a, none] = answer.members!;
    expect(a.events).toEqual([
      { atEpochMs: ms(5), kind: 'TASK_ACTION' },
      { atEpochMs: ms(5), kind: 'TASK_COMPLETED' },
      { atEpochMs: ms(8), kind: 'EXPERIMENT_EXPOSED' },
      { atEpochMs: ms(9), kind: 'EXPERIMENT_CONVERTED' },
    ]);
    expect(b.events).toEqual([
      { atEpochMs: ms(3), kind: 'REFERRAL_SHARED' },
      { atEpochMs: ms(10), kind: 'EXPERIMENT_EXPOSED' },
      { atEpochMs: ms(12), kind: 'REFERRAL_CONVERTED' },
      { atEpochMs: ms(20), kind: 'REFERRAL_SHARED' },
    ]);
    expect(none.events).toEqual([]);
  });

  it('windows every kind: since is inclusive, before exclusive', async () => {
    const answer = await getMemberEngagement(dataSource, { memberIds: ['m-a', 'm-b'], sinceEpochMs: ms(5), beforeEpochMs: ms(10) });
    expect(answer.members![0].events!.map((e) => e.kind)).toEqual([
      'TASK_ACTION',
      'TASK_COMPLETED',
      'EXPERIMENT_EXPOSED',
      'EXPERIMENT_CONVERTED',
    ]);
    expect(answer.members![1].events).toEqual([]);
    const all = await getMemberEngagement(dataSource, { memberIds: ['m-b'], sinceEpochMs: '0', beforeEpochMs: '0' }, at(30));
    expect(all.members![0].events!.filter((e) => e.kind === 'REFERRAL_SHARED')).toHaveLength(3);
  });

  it('refuses more than 1000 members, a malformed id and an inverted window with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `m-${i}`);
    for (const request of [
      { memberIds: ids, sinceEpochMs: '0', beforeEpochMs: '0' },
      { memberIds: [''], sinceEpochMs: '0', beforeEpochMs: '0' },
      { memberIds: ['m-a'], sinceEpochMs: ms(10), beforeEpochMs: ms(5) },
    ]) {
      await expect(getMemberEngagement(dataSource, request)).rejects.toThrow(DomainError);
      await expect(getMemberEngagement(dataSource, request)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});
