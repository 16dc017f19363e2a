import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The address a request came from, as far as the configured proxies can be believed. */
export type ClientAddress = (req: IncomingMessage) => string | undefined;

/**
 * Behind an ingress every TCP peer is the ingress, so per-address limits would count all clients
 * as one. proxy-addr walks `X-Forwarded-For` from the nearest hop backwards and stops at the first
 * address that is not a trusted proxy: that is the client. With no trusted proxies (the default)
 * the header is ignored and the TCP peer is the client, so nobody can pick their own address by
 * sending the header.
 */
export function clientAddress(trustedProxies: readonly string[]): ClientAddress {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (req) => (req.socket.remoteAddress ? proxyAddr(req, trust) : undefined);
}

/** Throws (with proxy-addr's reason) unless every entry is an IP, a CIDR or one of proxy-addr's names. */
export function checkTrustedProxies(entries: readonly string[]): void {
  proxyAddr.compile([...entries]);
}
