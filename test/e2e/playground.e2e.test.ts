/// <reference lib="dom" />
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { RECORD_ORDER } from '../harness/operations';
import { startStack, type Stack } from '../harness/startStack';

let stack: Stack;
let browser: Browser;
let memberId: string;
let accessToken: string;

beforeAll(async () => {
  stack = await startStack();
  // The member signs in with an SMS code (registering on first sign-in); the playground sends their token.
  const member = await stack.loginMember('13612345678');
  memberId = member.memberId!;
  accessToken = member.accessToken;
  await stack.query(RECORD_ORDER, { memberId, orderNo: 'PG-1', amount: '321.00', channel: 'WEB' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the GraphQL playground', () => {
  it('loads with every asset from the gateway itself, runs the member card and shows the data', async () => {
    const page = await browser.newPage();
    const origin = new URL(stack.gatewayUrl).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    // GraphiQL loads the schema with its own introspection query, which the gateway's depth and cost limits must let through.
    const introspection = page.waitForResponse((response) => (response.request().postData() ?? '').includes('__schema'));
    await page.goto(stack.gatewayUrl, { waitUntil: 'networkidle' });
    await page.waitForSelector('.graphiql-container');
    const schema = await introspection;
    expect(schema.status()).toBe(200);
    const answer = (await schema.json()) as { data?: { __schema?: { types: unknown[] } }; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.__schema?.types.length).toBeGreaterThan(10);

    // Put the member-card query and its variables in the editors, as a person would by typing.
    await page.evaluate(
      ({ id, token }) => {
        const editors = document.querySelectorAll('.CodeMirror') as NodeListOf<HTMLElement & { CodeMirror: { setValue(v: string): void } }>;
        editors[0].CodeMirror.setValue(
          'query MemberCard($id: ID!) { member(id: $id) { maskedPhone tier { name } points { balance } benefits { name } liveCampaigns { name } risk { level } } }',
        );
        editors[1].CodeMirror.setValue(JSON.stringify({ id }));
        editors[2].CodeMirror.setValue(JSON.stringify({ Authorization: `Bearer ${token}` }));
      },
      { id: memberId, token: accessToken },
    );
    await page.click('.graphiql-execute-button');
    const result = page.locator('.graphiql-response');
    await result.getByText('"balance": 321').waitFor();
    const text = await result.innerText();
    expect(text).toContain('136****5678');
    expect(text).toContain('Regular 普通會員');
    expect(text).toContain('"level": "LOW"');
    expect(text).toContain('Member discount');
    expect(foreign).toEqual([]);
    await page.screenshot({ path: join(tmpdir(), 'membergraph-playground.png') });
  });
});
