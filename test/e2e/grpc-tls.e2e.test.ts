import { readFileSync } from 'node:fs';
import { grpc, readCommonConfig, readGrpcTls } from '../../services/kit/src';
import { createTestPki, type TestPki } from '../harness/certificates';
import { grpcCall } from '../harness/grpc';
import { RECORD_ORDER, uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

const TIERS = ['member', 'MemberService', 'getMemberTiers'] as const;

describe('gRPC between services with mutual TLS (GRPC_TLS_CA, GRPC_TLS_CERT, GRPC_TLS_KEY)', () => {
  let pki: TestPki;
  let stack: Stack;
  let memberId: string;
  beforeAll(async () => {
    pki = createTestPki();
    // Every gRPC server and client of the stack (points → member, campaign, risk; member → points; gateway → member) uses TLS.
    stack = await startStack({ env: { ...pki.env, PARTNER_KEY_CACHE_MS: '0' } });
    memberId = (await stack.loginMember(uniquePhone())).memberId!;
  });
  afterAll(async () => {
    await stack?.stop();
    pki?.cleanup();
  });

  const call = (credentials?: grpc.ChannelCredentials) =>
    grpcCall(TIERS[0], TIERS[1], stack.services.member.grpcAddress, TIERS[2], { memberIds: [memberId] }, 2000, undefined, credentials);
  const ours = () => {
    const tls = readGrpcTls(pki.env)!;
    return grpc.credentials.createSsl(tls.ca, tls.key, tls.cert);
  };

  it('the services talk to each other over it: an order goes through points, member, campaign and risk; a partner key is checked', async () => {
    const order = await stack.query(RECORD_ORDER, { memberId, orderNo: 'TLS-1', amount: '100.00', channel: 'WEB' });
    expect(order.errors).toBeUndefined();
    const key = (await stack.query('mutation { issuePartnerKey(partner: "tls-shop") { key } }')).data.issuePartnerKey.key;
    const asPartner = await postGraphQL(stack.gatewayUrl, '{ tiers { id } }', {}, { 'x-api-key': key });
    expect(asPartner.status).toBe(200);
  });

  it('a client with a certificate our CA signed is answered', async () => {
    const answer = await call(ours());
    expect(answer.tiers).toEqual([expect.objectContaining({ memberId, tierId: expect.any(String) })]);
  });

  it('a TLS client without a client certificate is refused', async () => {
    const tls = readGrpcTls(pki.env)!;
    await expect(call(grpc.credentials.createSsl(tls.ca))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('a client certificate from another CA is refused', async () => {
    const tls = readGrpcTls(pki.env)!;
    const stranger = grpc.credentials.createSsl(tls.ca, readFileSync(pki.stranger.key), readFileSync(pki.stranger.cert));
    await expect(call(stranger)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('a plaintext client is refused', async () => {
    await expect(call()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('GRPC_TLS_* configuration', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = createTestPki();
  });
  afterAll(() => pki?.cleanup());

  it('plaintext by default; all three files or none; unreadable or non-PEM files name their variable', () => {
    expect(readCommonConfig('risk', {}).grpcTls).toBeUndefined();
    expect(readCommonConfig('risk', pki.env).grpcTls?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(() => readCommonConfig('risk', { ...pki.env, GRPC_TLS_KEY: undefined })).toThrow(/GRPC_TLS_KEY is required/);
    expect(() => readCommonConfig('risk', { ...pki.env, GRPC_TLS_CA: '/nonexistent/ca.pem' })).toThrow(/GRPC_TLS_CA names a file/);
    expect(() => readCommonConfig('risk', { ...pki.env, GRPC_TLS_CERT: pki.env.GRPC_TLS_KEY })).toThrow(/GRPC_TLS_CERT must name a PEM/);
    expect(() => readCommonConfig('risk', { ...pki.env, GRPC_TLS_KEY: pki.env.GRPC_TLS_CA })).toThrow(/GRPC_TLS_KEY must name a PEM/);
  });
});
