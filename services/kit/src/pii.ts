import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { assertProductionSecret, ConfigError, developmentDefault, envReader, readSecret } from './config';

/**
 * Personal identifiers at rest (PIPL, DOMAIN.md §8): AES-256-GCM with a fresh 96-bit IV per value
 * and the tag verified on read, under a key id so keys rotate (new values use the active key, old
 * ones stay readable); plus an HMAC blind index, so a phone can be looked up and kept unique
 * without the database ever holding it in clear.
 */
export interface PiiCipher {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  blindIndex(value: string): string;
}

const FORMAT = 'v1';

export function createPiiCipher(keys: Map<string, Buffer>, activeKeyId: string, indexKey: Buffer): PiiCipher {
  const active = keys.get(activeKeyId);
  if (!active) throw new ConfigError('PII_ACTIVE_KEY_ID', `names no key in PII_ENCRYPTION_KEYS (${activeKeyId})`);
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [FORMAT, activeKeyId, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
        '.',
      );
    },
    decrypt(sealed) {
      const [format, keyId, iv, body, tag] = sealed.split('.');
      const key = keys.get(keyId);
      if (format !== FORMAT || !key || !iv || body === undefined || !tag)
        throw new Error('unreadable personal data: unknown format or key id');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', indexKey).update(value).digest('hex');
    },
  };
}

function key(variable: string, text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== 32) throw new ConfigError(variable, 'must hold 32-byte keys in base64');
  return bytes;
}

/** Development keys, derived from a fixed label: never valid in production (config refuses them there). */
function devKey(label: string): Buffer {
  const bytes = createHash('sha256').update(`membergraph-development-${label}`).digest();
  developmentDefault(bytes.toString('base64'));
  return bytes;
}

const DEV_KEYS = { pii: devKey('pii'), index: devKey('index') };

/**
 * PII_ENCRYPTION_KEYS = "kid:base64key,kid:base64key", PII_ACTIVE_KEY_ID = the kid new values use,
 * PII_INDEX_KEY = base64 key of the blind index (never rotated: it would change every index).
 * Required in production; fixed development keys otherwise.
 */
export function readPiiCipher(env: Record<string, string | undefined> = process.env): PiiCipher {
  const read = envReader(env);
  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development') === 'production';
  const listed = production ? read.string('PII_ENCRYPTION_KEYS') : read.optionalString('PII_ENCRYPTION_KEYS');
  const keys = new Map<string, Buffer>();
  if (listed) {
    for (const entry of listed.split(',')) {
      const [id, value] = entry.split(':');
      if (!id || !value) throw new ConfigError('PII_ENCRYPTION_KEYS', 'must be kid:base64key pairs separated by commas');
      if (production) assertProductionSecret('PII_ENCRYPTION_KEYS', value.trim());
      keys.set(id.trim(), key('PII_ENCRYPTION_KEYS', value.trim()));
    }
  } else {
    keys.set('dev', DEV_KEYS.pii);
  }
  const activeKeyId = read.string('PII_ACTIVE_KEY_ID', [...keys.keys()][0]);
  const index = readSecret(env, 'PII_INDEX_KEY', DEV_KEYS.index.toString('base64'));
  return createPiiCipher(keys, activeKeyId, key('PII_INDEX_KEY', index));
}
