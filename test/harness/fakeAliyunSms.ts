import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One SendSms request as the imitation received it, with whether its signature was right. */
export interface ReceivedSms {
  params: Record<string, string>;
  signatureValid: boolean;
}

/** How the imitation answers the next requests (default: Code OK at once). */
export type SmsBehaviour = { delayMs?: number; status?: number; body?: unknown };

export interface FakeAliyunSms {
  url: string;
  received: ReceivedSms[];
  behave(behaviour: SmsBehaviour): void;
  stop(): Promise<void>;
}

/**
 * The signature as Alibaba Cloud documents it for RPC APIs, written here apart from the adapter
 * (Python's quote with safe '-_.~' is RFC 3986): the imitation checks, it does not trust.
 */
function expectedSignature(params: Record<string, string>, secret: string): string {
  const rfc3986 = (text: string) =>
    [...Buffer.from(text, 'utf8')]
      .map((byte) => {
        const char = String.fromCharCode(byte);
        return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      })
      .join('');
  const query = Object.entries(params)
    .filter(([key]) => key !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${rfc3986(key)}=${rfc3986(value)}`)
    .join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`POST&%2F&${rfc3986(query)}`)
    .digest('base64');
}

/** A local HTTP server that imitates Dysmsapi SendSms (the true edge of SMS sign-in), on port 0. */
export async function startFakeAliyunSms(accessKeySecret: string): Promise<FakeAliyunSms> {
  const received: ReceivedSms[] = [];
  let behaviour: SmsBehaviour = {};
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const params = Object.fromEntries(new URLSearchParams(body));
      received.push({ params, signatureValid: params.Signature === expectedSignature(params, accessKeySecret) });
      const { delayMs = 0, status = 200, body: answer } = behaviour;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer ?? { Code: 'OK', Message: 'OK', BizId: 'biz-1', RequestId: 'req-1' }));
      }, delayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    behave: (next) => void (behaviour = next),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
