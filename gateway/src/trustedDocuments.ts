import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import { ConfigError, type Channel, type Identity } from '../../services/kit/src';
import type { GatewayContext } from './subgraph-fetch';

/** Who can be held to registered operations: partner brands, and members on a channel (e.g. MINI_PROGRAM). */
export type HeldClient = Channel;

/** Apollo's persisted query manifest format (what `generate-persisted-query-manifest` writes). */
interface Manifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string; type: string; body: string }>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads a manifest; every operation's id must be the SHA-256 of its body, as APQ computes it. */
export function loadManifest(path: string): Map<string, string> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new ConfigError('TRUSTED_DOCUMENTS_MANIFEST', `cannot read ${path}: ${(error as Error).message}`);
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new ConfigError('TRUSTED_DOCUMENTS_MANIFEST', 'must be an apollo-persisted-query-manifest (version 1)');
  }
  const documents = new Map<string, string>();
  for (const operation of manifest.operations) {
    if (sha256(operation.body) !== operation.id) {
      throw new ConfigError('TRUSTED_DOCUMENTS_MANIFEST', `operation ${operation.name}: id is not the SHA-256 of its body`);
    }
    documents.set(operation.id, operation.body);
  }
  return documents;
}

/**
 * The automatic-persisted-query cache, with the registered operations always present: a client
 * sends only the hash of a registered operation and never has to register it first.
 */
export function persistedQueryCache(documents: ReadonlyMap<string, string>): KeyValueCache<string> {
  const learned = new InMemoryLRUCache<string>({ maxSize: 10 * 1024 * 1024 });
  return {
    // Apollo Server prefixes its APQ keys with "apq:".
    get: async (key) => documents.get(key.replace(/^apq:/, '')) ?? learned.get(key),
    set: (key, value, options) => learned.set(key, value, options),
    delete: (key) => learned.delete(key),
  };
}

function isHeld(identity: Identity, held: ReadonlySet<HeldClient>): boolean {
  if (identity.kind === 'PARTNER') return held.has('PARTNER');
  return identity.kind === 'MEMBER' && held.has(identity.channel as HeldClient);
}

/**
 * Trusted documents: clients held to the manifest (partners, the mini-program) may run only the
 * operations registered in it, sent by hash or in full; anything else is refused before it is planned.
 */
export function trustedDocuments(
  documents: ReadonlyMap<string, string>,
  held: ReadonlySet<HeldClient>,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        // Apollo Server answers an error thrown here with its status (an earlier hook's is a 500).
        async didResolveOperation({ source, contextValue }) {
          if (!isHeld(contextValue.identity, held) || documents.has(sha256(source))) return;
          throw new GraphQLError('this client may run only the operations registered for it', {
            extensions: { code: 'OPERATION_NOT_ALLOWED', http: { status: 403 } },
          });
        },
      };
    },
  };
}
