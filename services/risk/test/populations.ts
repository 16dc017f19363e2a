import { createRandom, streamSeed, type Random } from '../../../scripts/bench/seed-random';
import type { AssessInput } from '../src/domain/action';

/*
 * Generated histories for the fraud-pattern tests: an ordinary population living its life, and
 * the four patterns the rules are there to catch. Each is a list of timed Assess calls; the test
 * plays them all through `assess` in time order, interleaved, as the callers would send them.
 */

export interface TimedCall {
  at: Date;
  input: AssessInput;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

let keys = 0;
const call = (at: Date, input: Omit<AssessInput, 'idempotencyKey'>): TimedCall => ({
  at,
  input: { ...input, idempotencyKey: `${input.action}:${input.memberId}:${++keys}` },
});

const ipOf = (r: Random) => `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;

/**
 * `members` ordinary members over 90 days from `start`: each registers on their own device (one in
 * ten on a device shared with the previous member: a household), logs in every few days from home
 * or a mobile IP, orders about every ten days around their own usual amount (σ 0.6 log-normal;
 * POS orders carry no device), refunds 4% of orders, one in three burns points now and then after
 * their first week, one in ten invites a friend (the member after next:
 * never of their household, which the referral rules rightly refuse).
 */
export function ordinaryPopulation(members: number, start: Date, seed = 42): TimedCall[] {
  const calls: TimedCall[] = [];
  for (let i = 0; i < members; i++) {
    const r = createRandom(streamSeed(seed, i));
    const memberId = `ord-${i}`;
    const device = i > 0 && r.next() < 0.1 ? `dev-ord-${i - 1}` : `dev-ord-${i}`;
    const homeIp = ipOf(r);
    const registeredAt = start.getTime() + r.int(0, 60) * DAY + r.int(0, DAY - 1);
    const end = start.getTime() + 90 * DAY;
    const channel = r.weighted(['WEB', 'MINI_PROGRAM', 'POS'] as const, (c) => (c === 'POS' ? 2 : 1));
    calls.push(call(new Date(registeredAt), { action: 'REGISTER', memberId, amountFen: 0, channel, deviceId: device, ip: homeIp }));
    for (let t = registeredAt + r.int(1, 5) * DAY; t < end; t += r.int(2, 7) * DAY) {
      const ip = r.next() < 0.7 ? homeIp : ipOf(r);
      calls.push(call(new Date(t), { action: 'LOGIN', memberId, amountFen: 0, channel: 'MINI_PROGRAM', deviceId: device, ip }));
    }
    const usualFen = r.int(50, 500) * 100;
    for (let t = registeredAt + r.int(0, 10) * DAY; t < end; t += Math.max(1, Math.round(-Math.log(1 - r.next()) * 10)) * DAY) {
      const amountFen = Math.max(100, Math.round(usualFen * r.logNormal(0.6)));
      const pos = r.next() < 0.5;
      const context = pos ? { channel: 'POS', store: `S-${r.int(1, 20)}` } : { channel: 'WEB', deviceId: device, ip: homeIp };
      calls.push(call(new Date(t), { action: 'EARN', memberId, amountFen, ...context }));
      if (r.next() < 0.04) calls.push(call(new Date(t + r.int(1, 10) * DAY), { action: 'REFUND', memberId, amountFen, ...context }));
    }
    if (r.next() < 1 / 3) {
      const usualPoints = r.int(5, 30) * 100;
      for (let t = registeredAt + r.int(7, 30) * DAY; t < end; t += r.int(10, 30) * DAY) {
        const points = Math.max(100, Math.round(usualPoints * r.logNormal(0.4)));
        calls.push(call(new Date(t), { action: 'BURN', memberId, amountFen: 0, points, channel: 'WEB', deviceId: device, ip: homeIp }));
      }
    }
    if (i + 2 < members && r.next() < 0.1) {
      // Rewarded at the end, after the invitee registered: the test sorts calls by time.
      calls.push(
        call(new Date(end - DAY), { action: 'REFERRAL_REWARD', memberId, amountFen: 0, channel, inviteeMemberId: `ord-${i + 2}` }),
      );
    }
  }
  return calls;
}

/** 50 members registering on one device within two hours, from changing IPs. */
export function deviceFarm(start: Date): TimedCall[] {
  const r = createRandom(7);
  return Array.from({ length: 50 }, (_, i) =>
    call(new Date(start.getTime() + i * 2 * MINUTE), {
      action: 'REGISTER',
      memberId: `farm-${i + 1}`,
      amountFen: 0,
      channel: 'MINI_PROGRAM',
      deviceId: 'dev-farm',
      ip: ipOf(r),
    }),
  );
}

/** 15 members, registered a month before on their own devices, each burning once from one IP within five minutes. */
export function burnBurst(start: Date): TimedCall[] {
  const calls: TimedCall[] = [];
  for (let i = 1; i <= 15; i++) {
    const memberId = `burst-${i}`;
    const deviceId = `dev-burst-${i}`;
    calls.push(
      call(new Date(start.getTime() - 30 * DAY + i * MINUTE), {
        action: 'REGISTER',
        memberId,
        amountFen: 0,
        channel: 'WEB',
        deviceId,
        ip: `10.200.0.${i}`,
      }),
    );
    calls.push(
      call(new Date(start.getTime() + i * 20_000), {
        action: 'BURN',
        memberId,
        amountFen: 0,
        points: 800,
        channel: 'WEB',
        deviceId,
        ip: '10.66.6.6',
      }),
    );
  }
  return calls;
}

/** One member earning on six orders over twelve days and refunding each a day later, burning what was earned in between. */
export function refundFarming(start: Date): TimedCall[] {
  const memberId = 'refunder';
  const context = { channel: 'WEB', deviceId: 'dev-refunder', ip: '10.77.0.1' };
  const calls = [call(new Date(start.getTime() - 40 * DAY), { action: 'REGISTER', memberId, amountFen: 0, ...context })];
  for (let i = 0; i < 6; i++) {
    const earnedAt = start.getTime() + i * 2 * DAY;
    calls.push(call(new Date(earnedAt), { action: 'EARN', memberId, amountFen: 99_900, ...context }));
    calls.push(call(new Date(earnedAt + 6 * 3_600_000), { action: 'BURN', memberId, amountFen: 0, points: 900, ...context }));
    calls.push(call(new Date(earnedAt + DAY), { action: 'REFUND', memberId, amountFen: 99_900, ...context }));
  }
  return calls;
}

/**
 * Two rings. A cycle: ring-a invites ring-b, b invites c, c invites d, d invites a, each on their
 * own device. A shared device: ring-x invites ring-y, who registered on x's device, and then
 * ring-z, who uses a device ring-y used too.
 */
export function referralRing(start: Date): TimedCall[] {
  const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
  const register = (memberId: string, deviceId: string, hours: number) =>
    call(at(hours), { action: 'REGISTER', memberId, amountFen: 0, channel: 'WEB', deviceId, ip: `10.88.0.${hours + 1}` });
  const reward = (memberId: string, inviteeMemberId: string, hours: number) =>
    call(at(hours), { action: 'REFERRAL_REWARD', memberId, amountFen: 0, channel: 'WEB', inviteeMemberId });
  return [
    register('ring-a', 'dev-ring-a', 0),
    register('ring-b', 'dev-ring-b', 1),
    register('ring-c', 'dev-ring-c', 2),
    register('ring-d', 'dev-ring-d', 3),
    reward('ring-a', 'ring-b', 10),
    reward('ring-b', 'ring-c', 11),
    reward('ring-c', 'ring-d', 12),
    reward('ring-d', 'ring-a', 13),
    register('ring-x', 'dev-ring-x', 20),
    register('ring-y', 'dev-ring-x', 21),
    call(at(22), { action: 'LOGIN', memberId: 'ring-y', amountFen: 0, channel: 'WEB', deviceId: 'dev-ring-y', ip: '10.88.1.1' }),
    register('ring-z', 'dev-ring-y', 23),
    reward('ring-x', 'ring-y', 30),
    reward('ring-x', 'ring-z', 31),
  ];
}
