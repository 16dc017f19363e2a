import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { getOperationAST, parse } from 'graphql';
import {
  clientSelected,
  encodeIdentity,
  IDENTITY_HEADER,
  repoPath,
  SIGNATURE_HEADER,
  signIdentity,
  verifyIdentity,
  type Identity,
} from '../../../services/kit/src';
import { selectedPartnerFields } from '../partnerSelection';
import { requestHeaders } from '../subgraph-fetch';

// The API schema clients see, as the gateway validates against it.
const schema = Supergraph.build(readFileSync(repoPath('schemas', 'supergraph.graphql'), 'utf8'))
  .apiSchema()
  .toGraphQLJSSchema();
const selects = (source: string, operationName?: string) => {
  const document = parse(source);
  return selectedPartnerFields(schema, document, getOperationAST(document, operationName)!);
};

describe('selectedPartnerFields', () => {
  it.each<[string, string, string[]]>([
    ['a benefits field alone', '{ member(id: "m") { coupons { totalCount } } }', []],
    ['the tier of a member', '{ member(id: "m") { tier { name } } }', ['tier']],
    ['the masked phone', '{ member(id: "m") { id maskedPhone } }', ['maskedPhone']],
    ["the tier's benefits", '{ member(id: "m") { tier { benefits { name } } } }', ['tier']],
    ['an alias', '{ member(id: "m") { level: tier { id } phone: maskedPhone } }', ['maskedPhone', 'tier']],
    ['an inline fragment', '{ member(id: "m") { ... on Member { tier { id } } } }', ['tier']],
    [
      'a named fragment, spread twice',
      '{ a: member(id: "m") { ...T } b: member(id: "n") { ...T } } fragment T on Member { tier { id } }',
      ['tier'],
    ],
    [
      'a fragment in a fragment',
      '{ member(id: "m") { ...A } } fragment A on Member { coupons { totalCount } ...B } fragment B on Member { maskedPhone }',
      ['maskedPhone'],
    ],
    [
      'a Member under a mutation',
      'mutation { linkPartnerMember(partnerMemberId: "p", phone: "1") { member { maskedPhone } } }',
      ['maskedPhone'],
    ],
    ['tiers of the ladder (not a member’s)', '{ tiers { id name benefits { name } } }', []],
    ['a field that may be skipped', 'query($s: Boolean!) { member(id: "m") { tier @skip(if: $s) { id } } }', ['tier']],
  ])('%s', (_, source, expected) => {
    expect(selects(source)).toEqual(expected);
  });

  it('walks only the operation that runs, and only the fragments it spreads', () => {
    const source =
      'query A { member(id: "m") { maskedPhone } } query B { member(id: "m") { coupons { totalCount } } } fragment T on Member { tier { id } }';
    expect(selects(source, 'A')).toEqual(['maskedPhone']);
    expect(selects(source, 'B')).toEqual([]);
  });
});

describe('the selection a partner is audited for travels signed', () => {
  const SECRET = 'a-gateway-test-secret-0123456789';
  const BODY = '{"query":"{member(id:\\"m\\"){__typename id tier{id}}}"}';
  const partner: Identity = { kind: 'PARTNER', subject: 'key-1', partner: 'tea-house' };
  const reader = (headers: Record<string, string>) => (name: string) => headers[name];

  it('the gateway signs it with the identity, and the member service believes it', () => {
    const headers = requestHeaders(SECRET)({ identity: { ...partner, selects: [] }, requestId: 'r' }, BODY);
    const verified = verifyIdentity(reader(headers), BODY, SECRET);
    expect(verified).toEqual({ ok: true, identity: { ...partner, selects: [] } });
    expect(verified.ok && clientSelected(verified.identity, 'tier')).toBe(false);
  });

  it('a list put into signed headers, or signed without the secret, is refused with the whole request', () => {
    const genuine = requestHeaders(SECRET)({ identity: { ...partner, selects: ['tier'] }, requestId: 'r' }, BODY);
    const narrowed = { ...genuine, [IDENTITY_HEADER]: encodeIdentity({ ...partner, selects: [] }) };
    expect(verifyIdentity(reader(narrowed), BODY, SECRET)).toEqual({ ok: false, reason: 'forged identity signature' });
    const selfSigned = signIdentity({ ...partner, selects: [] }, 'not-the-gateway-secret-000000', BODY);
    expect(verifyIdentity(reader(selfSigned), BODY, SECRET)).toEqual({ ok: false, reason: 'forged identity signature' });
    const unsigned = { ...genuine, [SIGNATURE_HEADER]: '' };
    expect(verifyIdentity(reader(unsigned), BODY, SECRET).ok).toBe(false);
  });

  it('without a list (an older gateway, a test signing its own request) every read counts as selected', () => {
    expect(clientSelected(partner, 'tier')).toBe(true);
    expect(clientSelected(partner, 'maskedPhone')).toBe(true);
    expect(clientSelected({ ...partner, selects: ['maskedPhone'] }, 'tier')).toBe(false);
    expect(clientSelected({ ...partner, selects: ['maskedPhone'] }, 'maskedPhone')).toBe(true);
  });
});
