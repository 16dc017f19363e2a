import type { ProtoGrpcType as CampaignProto } from '../../../../proto/gen/campaign';
import type { ProtoGrpcType as RiskProto } from '../../../../proto/gen/risk';
import { DomainError } from '../errors';
import { loadProto, startGrpcServer, unaryHandler, type GrpcServerHandle } from '../grpc';
import { createLogger } from '../logger';
import { createPeerClient, fromEpochMs, fromInt64, toEpochMs, toInt64 } from '../peers';

const TOKEN = 'peer-test-service-token';
const guard = { logger: createLogger('peers-test', 'silent'), serviceToken: TOKEN };
const campaignService = loadProto<CampaignProto>('campaign').membergraph.campaign.v1.CampaignService.service;
const riskService = loadProto<RiskProto>('risk').membergraph.risk.v1.RiskService.service;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const servers: GrpcServerHandle[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop(0))));

/** A risk server whose Assess answers after `delayMs`, failing with UNAVAILABLE the first `failures` times. */
async function riskServer(options: { delayMs?: number; failures?: number }) {
  const seen = { calls: 0 };
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    healthName: 'risk',
    services: [
      {
        definition: riskService,
        implementation: {
          Assess: unaryHandler(guard, async () => {
            seen.calls += 1;
            if (seen.calls <= (options.failures ?? 0)) throw new DomainError('UNAVAILABLE', 'not yet');
            await sleep(options.delayMs ?? 0);
            return { decision: 'ALLOW' as const, reason: 'ok', eventId: 'e-1' };
          }),
        },
      },
    ],
  });
  servers.push(server);
  return { address: `127.0.0.1:${server.port}`, seen };
}

const assess = { action: 'EARN', memberId: 'm-1', amountFen: toInt64(100), channel: 'WEB', idempotencyKey: 'k-1' };

describe('createPeerClient', () => {
  it('calls any proto’s rpc with the service credential and answers its typed response', async () => {
    const risk = await riskServer({});
    const client = createPeerClient(riskService, { address: risk.address, deadlineMs: 2000, serviceToken: TOKEN, retryable: [] });
    await expect(client.Assess(assess)).resolves.toEqual({ decision: 'ALLOW', reason: 'ok', eventId: 'e-1', score: 0, reasons: [] });
    const stranger = createPeerClient(riskService, { address: risk.address, deadlineMs: 2000, serviceToken: 'wrong-token', retryable: [] });
    await expect(stranger.Assess(assess)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    client.close();
    stranger.close();
  });

  it('lets grpc-js retry UNAVAILABLE only for the rpcs named retryable', async () => {
    const once = await riskServer({ failures: 1 });
    const retrying = createPeerClient(riskService, { address: once.address, deadlineMs: 2000, serviceToken: TOKEN, retryable: ['Assess'] });
    await expect(retrying.Assess(assess)).resolves.toMatchObject({ decision: 'ALLOW' });
    expect(once.seen.calls).toBe(2);

    const twice = await riskServer({ failures: 1 });
    const single = createPeerClient(riskService, { address: twice.address, deadlineMs: 2000, serviceToken: TOKEN, retryable: [] });
    await expect(single.Assess(assess)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(twice.seen.calls).toBe(1);
    retrying.close();
    single.close();
  });

  it('ends a nested call with the call it serves (`parent`), however long its own deadline', async () => {
    const slowRisk = await riskServer({ delayMs: 600 });
    const risk = createPeerClient(riskService, { address: slowRisk.address, deadlineMs: 5000, serviceToken: TOKEN, retryable: [] });
    const nested: Array<{ parent: boolean; outcome: string; ms: number }> = [];
    const campaign = await startGrpcServer({
      host: '127.0.0.1',
      port: 0,
      healthName: 'campaign',
      services: [
        {
          definition: campaignService,
          implementation: {
            // Serves a caller with a short deadline by asking a slow peer; with `parent` the ask ends with the caller.
            GetActivityCoefficient: unaryHandler(guard, async (request, call) => {
              const parent = request.memberId === 'with-parent';
              const started = Date.now();
              const outcome = await risk.Assess(assess, parent ? { parent: call } : {}).then(
                () => 'answered',
                (error: DomainError) => error.code,
              );
              nested.push({ parent, outcome, ms: Date.now() - started });
              return { coefficientMilli: 1000, campaignIds: [] };
            }),
          },
        },
      ],
    });
    servers.push(campaign);
    const caller = createPeerClient(campaignService, {
      address: `127.0.0.1:${campaign.port}`,
      deadlineMs: 150,
      serviceToken: TOKEN,
      retryable: [],
    });
    for (const memberId of ['with-parent', 'without-parent']) {
      await expect(caller.GetActivityCoefficient({ memberId, atEpochMs: toEpochMs(new Date()) })).rejects.toMatchObject({
        code: 'UNAVAILABLE',
      });
    }
    // The nested calls finish after their callers gave up: wait for both to be recorded.
    for (let i = 0; i < 300 && nested.length < 2; i += 1) await sleep(10);
    const withParent = nested.find((n) => n.parent)!;
    expect(withParent.outcome).not.toBe('answered');
    expect(withParent.ms).toBeLessThan(400);
    // The control: without the parent the nested call outlives its caller and runs to the slow answer.
    expect(nested.find((n) => !n.parent)).toMatchObject({ outcome: 'answered' });
    risk.close();
    caller.close();
  });
});

describe('int64 and time on the wire', () => {
  it('converts whole numbers and times exactly, and refuses what would not be exact', () => {
    expect(toInt64(12345)).toBe('12345');
    expect(fromInt64('-12345')).toBe(-12345);
    expect(fromEpochMs(toEpochMs(new Date('2026-03-10T08:00:00.123Z'))).toISOString()).toBe('2026-03-10T08:00:00.123Z');
    expect(() => toInt64(1.5)).toThrow(RangeError);
    expect(() => fromInt64('9007199254740993')).toThrow(RangeError);
  });
});
