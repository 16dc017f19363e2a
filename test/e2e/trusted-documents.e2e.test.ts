import { readFileSync } from 'node:fs';
import { sha256 as sha } from '../../gateway/src/trustedDocuments';
import { repoPath } from '../../services/kit/src';
import { uniquePhone } from '../harness/operations';
import { postGraphQL, startStack, type Stack } from '../harness/startStack';

const manifest = JSON.parse(readFileSync(repoPath('gateway', 'trusted-documents.json'), 'utf8')) as {
  operations: Array<{ id: string; name: string; body: string }>;
};
const registered = (name: string) => manifest.operations.find((o) => o.name === name)!;

/** A request that names an operation by its hash only (automatic persisted queries). */
const byHash = (url: string, id: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { TRUSTED_DOCUMENTS_MANIFEST: repoPath('gateway', 'trusted-documents.json'), TRUSTED_DOCUMENTS_ENFORCE: 'MINI_PROGRAM,PARTNER' },
  });
});
afterAll(() => stack?.stop());

describe('trusted documents', () => {
  it('a mini-program member runs registered operations by hash or in full, and nothing else', async () => {
    const login = await postGraphQL(stack.gatewayUrl, registered('MiniProgramLogin').body, {
      code: 'dev:openid-trusted-1',
      phoneCode: `dev:${uniquePhone()}`,
    });
    const token = login.body.data.loginWithWeChat.accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const card = await byHash(stack.gatewayUrl, registered('MiniProgramCard').id, auth);
    expect(card.status).toBe(200);
    expect(card.body.errors).toBeUndefined();
    expect(card.body.data.me.tier.name).toEqual(expect.any(String));
    const full = await postGraphQL(stack.gatewayUrl, registered('MiniProgramCard').body, {}, auth);
    expect(full.body.data.me.id).toBe(card.body.data.me.id);
    const other = await postGraphQL(stack.gatewayUrl, '{ me { id phone profile { name } } }', {}, auth);
    expect(other.status).toBe(403);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
    // Registering a new document by APQ does not get around it.
    const sneak = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        query: '{ me { phone } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha('{ me { phone } }') } },
      }),
    });
    expect(sneak.status).toBe(403);
  });

  it('a partner key is held to the partner operations', async () => {
    const { key } = (await stack.query('mutation { issuePartnerKey(partner: "trusted-partner") { key } }')).data.issuePartnerKey;
    const tiers = await byHash(stack.gatewayUrl, registered('PartnerTiers').id, { 'x-api-key': key });
    expect(tiers.body.data.tiers.length).toBeGreaterThan(0);
    const free = await postGraphQL(stack.gatewayUrl, '{ tiers { id name } }', {}, { 'x-api-key': key });
    expect(free.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_ALLOWED');
  });

  it('other clients may send any document, and use automatic persisted queries', async () => {
    const web = await stack.loginMember(uniquePhone());
    const auth = { authorization: `Bearer ${web.accessToken}` };
    expect((await postGraphQL(stack.gatewayUrl, '{ me { id phone } }', {}, auth)).body.data.me.id).toBe(web.memberId);
    const query = '{ me { id maskedPhone } }';
    const unknown = await byHash(stack.gatewayUrl, sha(query), auth);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha(query) } } }),
    });
    expect(register.status).toBe(200);
    expect((await byHash(stack.gatewayUrl, sha(query), auth)).body.data.me.id).toBe(web.memberId);
  });
});
