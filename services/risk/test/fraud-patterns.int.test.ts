import type { DataSource } from 'typeorm';
import { openServiceTestDatabase } from '../../../test/harness/serviceTestDatabase';
import { assess, type Assessment } from '../src/commands/assess';
import { riskSchema } from '../src/db/data-source';
import { burnBurst, deviceFarm, ordinaryPopulation, referralRing, refundFarming, type TimedCall } from './populations';

/*
 * The default rules against the patterns they exist for, and against an ordinary population, all
 * played through the assess command in one database (SQLite, or MySQL with DATABASE_URL) in time
 * order, interleaved, as the callers would send them.
 */

jest.setTimeout(180_000);

const START = new Date('2026-06-01T00:00:00Z');
const ORDINARY_MEMBERS = 200;
let dataSource: DataSource;
let close: () => Promise<void>;
const decided = new Map<string, Assessment & { input: TimedCall['input'] }>();
let ordinaryCalls = 0;
const durations: number[] = [];

/** The decisions of a member's calls of one action, in time order. */
function decisionsOf(memberId: string, action: string) {
  return [...decided.values()].filter((d) => d.input.memberId === memberId && d.input.action === action);
}

beforeAll(async () => {
  ({ dataSource, close } = await openServiceTestDatabase(riskSchema));
  const patternsAt = new Date(START.getTime() + 70 * 86_400_000);
  const ordinary = ordinaryPopulation(ORDINARY_MEMBERS, START);
  ordinaryCalls = ordinary.length;
  const calls = [
    ...ordinary,
    ...deviceFarm(patternsAt),
    ...burnBurst(patternsAt),
    ...refundFarming(patternsAt),
    ...referralRing(patternsAt),
  ];
  calls.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, input } of calls) {
    const started = performance.now();
    decided.set(input.idempotencyKey, { ...(await assess(dataSource, input, at)), input });
    durations.push(performance.now() - started);
  }
  // A figure to report, not a target: one process, sequential calls, this machine.
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  console.info(`assess latency over ${sorted.length} calls (ms): p50 ${at(0.5)}, p95 ${at(0.95)}, p99 ${at(0.99)}`);
});

afterAll(() => close?.());

describe('fraud patterns under the default rules', () => {
  it('a device farm: the 4th to 10th registration on one device go to review, the 11th on are denied, naming the others', () => {
    const farm = Array.from({ length: 50 }, (_, i) => decisionsOf(`farm-${i + 1}`, 'REGISTER')[0]);
    expect(farm.map((d) => d.decision)).toEqual([...Array(3).fill('ALLOW'), ...Array(7).fill('REVIEW'), ...Array(40).fill('DENY')]);
    expect(farm[3].findings).toEqual([
      {
        rule: 'device-shared',
        outcome: 'REVIEW',
        score: 40,
        detail: '4 members on device dev-farm within 30 d (limit 3)',
        relatedMemberIds: expect.arrayContaining(['farm-1', 'farm-2', 'farm-3']),
      },
    ]);
    expect(farm[49]).toMatchObject({ decision: 'DENY', score: 100 });
    expect(farm[49].findings.map((f) => [f.rule, f.detail])).toEqual([
      ['device-farm', '50 members on device dev-farm within 30 d (limit 10)'],
      ['device-shared', '50 members on device dev-farm within 30 d (limit 3)'],
    ]);
    expect(farm[49].findings[0].relatedMemberIds).toHaveLength(20);
  });

  it('a burst of burns from one IP: the 11th burn within 10 minutes on is denied, naming the IP', () => {
    const burns = Array.from({ length: 15 }, (_, i) => decisionsOf(`burst-${i + 1}`, 'BURN')[0]);
    expect(burns.map((d) => d.decision)).toEqual([...Array(10).fill('ALLOW'), ...Array(5).fill('DENY')]);
    expect(burns[10]).toMatchObject({
      score: 70,
      findings: [{ rule: 'burn-velocity-ip', outcome: 'DENY', detail: '11 BURN/REDEEM by ip 10.66.6.6 within 10 min (limit 10)' }],
    });
  });

  it('earn-then-refund farming: from the third refund on, refunds, earns and burns go to review with the counts', () => {
    const refunds = decisionsOf('refunder', 'REFUND');
    expect(refunds.map((d) => d.decision)).toEqual(['ALLOW', 'ALLOW', 'REVIEW', 'REVIEW', 'REVIEW', 'REVIEW']);
    expect(refunds[2].findings).toEqual([
      {
        rule: 'refund-farming',
        outcome: 'REVIEW',
        score: 50,
        detail: '3 refunds against 3 earns within 30 d (limit 3 refunds at 50%)',
        relatedMemberIds: [],
      },
    ]);
    expect(decisionsOf('refunder', 'EARN').map((d) => d.decision)).toEqual(['ALLOW', 'ALLOW', 'ALLOW', 'REVIEW', 'REVIEW', 'REVIEW']);
    expect(decisionsOf('refunder', 'BURN').map((d) => d.decision)).toEqual(['ALLOW', 'ALLOW', 'ALLOW', 'REVIEW', 'REVIEW', 'REVIEW']);
  });

  it('a referral ring: the reward that closes a cycle, and rewards between shared devices, are denied with the members', () => {
    expect(decisionsOf('ring-a', 'REFERRAL_REWARD')[0].decision).toBe('ALLOW');
    expect(decisionsOf('ring-b', 'REFERRAL_REWARD')[0].decision).toBe('ALLOW');
    expect(decisionsOf('ring-c', 'REFERRAL_REWARD')[0].decision).toBe('ALLOW');
    expect(decisionsOf('ring-d', 'REFERRAL_REWARD')[0]).toMatchObject({
      decision: 'DENY',
      score: 80,
      findings: [
        {
          rule: 'referral-ring',
          detail: 'referral cycle ring-d → ring-a → ring-b → ring-c → ring-d',
          relatedMemberIds: ['ring-a', 'ring-b', 'ring-c'],
        },
      ],
    });
    const [toY, toZ] = decisionsOf('ring-x', 'REFERRAL_REWARD');
    expect(toY).toMatchObject({
      decision: 'DENY',
      findings: [{ detail: 'inviter and invitee share device dev-ring-x', relatedMemberIds: ['ring-y'] }],
    });
    expect(toZ).toMatchObject({
      decision: 'DENY',
      findings: [{ detail: "1 other invitees of ring-x on the invitee's devices", relatedMemberIds: ['ring-y', 'ring-z'] }],
    });
  });

  it('ordinary members pass: the false-positive rate on a generated population stays under 1%', () => {
    const flagged = new Map<string, string[]>();
    for (const d of decided.values()) {
      if (!d.input.memberId.startsWith('ord-') || d.decision === 'ALLOW') continue;
      flagged.set(d.input.memberId, [...(flagged.get(d.input.memberId) ?? []), ...d.findings.map((f) => f.rule)]);
    }
    const flaggedCalls = [...decided.values()].filter((d) => d.input.memberId.startsWith('ord-') && d.decision !== 'ALLOW').length;
    // The figure the issue asks to report: members with any REVIEW or DENY, and calls.
    console.info(
      `false positives: ${flagged.size}/${ORDINARY_MEMBERS} ordinary members (${((100 * flagged.size) / ORDINARY_MEMBERS).toFixed(2)}%), ` +
        `${flaggedCalls}/${ordinaryCalls} calls; rules: ${JSON.stringify(Object.fromEntries(flagged))}`,
    );
    expect(ordinaryCalls).toBeGreaterThan(ORDINARY_MEMBERS * 10);
    // The population exercises the rules it passes: households on one device, refunds, referrals, burns.
    const ordinary = [...decided.values()].filter((d) => d.input.memberId.startsWith('ord-'));
    const membersPerDevice = new Map<string, Set<string>>();
    for (const { input } of ordinary)
      if (input.deviceId) membersPerDevice.set(input.deviceId, (membersPerDevice.get(input.deviceId) ?? new Set()).add(input.memberId));
    expect([...membersPerDevice.values()].filter((m) => m.size === 2).length).toBeGreaterThan(10);
    for (const action of ['REFUND', 'REFERRAL_REWARD', 'BURN'])
      expect(ordinary.filter((d) => d.input.action === action).length).toBeGreaterThan(5);
    expect(flagged.size / ORDINARY_MEMBERS).toBeLessThan(0.01);
  });
});
