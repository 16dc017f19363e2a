import { SIGNATURE_HEADER, verifyIdentity, type Identity } from '../../../services/kit/src';
import { requestHeaders } from '../subgraph-fetch';

const SECRET = 'a-gateway-test-secret-0123456789';
const member: Identity = { kind: 'MEMBER', subject: 'm-1', channel: 'WEB', ip: '203.0.113.7' };

describe('requestHeaders', () => {
  it('signs each subgraph request over its own body, for the caller of the incoming request', () => {
    const headersFor = requestHeaders(SECRET);
    const context = { identity: member, requestId: 'req-1' };
    const first = '{"query":"query($id:ID!){member(id:$id){id}}","variables":{"id":"m-1"}}';
    const second = '{"query":"query($r:[_Any!]!){_entities(representations:$r){__typename}}","variables":{"r":[]}}';
    const a = headersFor(context, first);
    const b = headersFor(context, second);
    expect(a['x-request-id']).toBe('req-1');
    expect(a[SIGNATURE_HEADER]).not.toBe(b[SIGNATURE_HEADER]);
    const reader = (headers: Record<string, string>) => (name: string) => headers[name];
    expect(verifyIdentity(reader(a), first, SECRET)).toEqual({ ok: true, identity: member });
    expect(verifyIdentity(reader(b), second, SECRET)).toEqual({ ok: true, identity: member });
    // One request's headers do not carry another body.
    expect(verifyIdentity(reader(a), second, SECRET)).toEqual({ ok: false, reason: 'forged identity signature' });
  });

  it('signs an anonymous caller when the context has no identity', () => {
    const body = '{"query":"{tiers{id}}"}';
    const headers = requestHeaders(SECRET)({}, body);
    expect(verifyIdentity((name) => headers[name], body, SECRET)).toEqual({ ok: true, identity: { kind: 'ANONYMOUS' } });
    expect(headers['x-request-id']).toBeUndefined();
  });
});
