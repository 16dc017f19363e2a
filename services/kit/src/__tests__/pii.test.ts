import { randomBytes } from 'node:crypto';
import { createPiiCipher, readPiiCipher } from '../pii';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const index = randomBytes(32);

describe('PII cipher (AES-256-GCM + HMAC blind index)', () => {
  const cipher = createPiiCipher(new Map([['k1', k1]]), 'k1', index);

  it('round-trips, with a fresh IV every time (the same phone never encrypts the same way twice)', () => {
    const a = cipher.encrypt('13812341234');
    const b = cipher.encrypt('13812341234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812341234');
    expect(cipher.decrypt(a)).toBe('13812341234');
    expect(cipher.decrypt(b)).toBe('13812341234');
  });

  it('refuses a tampered ciphertext or tag, and an unknown key id', () => {
    const [v, kid, iv, body, tag] = cipher.encrypt('13812341234').split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    expect(() => cipher.decrypt([v, kid, iv, flip(body), tag].join('.'))).toThrow();
    expect(() => cipher.decrypt([v, kid, iv, body, flip(tag)].join('.'))).toThrow();
    expect(() => cipher.decrypt([v, 'k9', iv, body, tag].join('.'))).toThrow(/unknown format or key id/);
  });

  it('rotates: new values use the active key, values sealed with an older key stay readable', () => {
    const old = cipher.encrypt('13900001111');
    const rotated = createPiiCipher(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
      index,
    );
    expect(rotated.decrypt(old)).toBe('13900001111');
    expect(rotated.encrypt('13900001111').split('.')[1]).toBe('k2');
  });

  it('indexes deterministically under the index key, and differently under another', () => {
    expect(cipher.blindIndex('13812341234')).toBe(cipher.blindIndex('13812341234'));
    expect(cipher.blindIndex('13812341234')).not.toBe(cipher.blindIndex('13812341235'));
    expect(createPiiCipher(new Map([['k1', k1]]), 'k1', randomBytes(32)).blindIndex('13812341234')).not.toBe(
      cipher.blindIndex('13812341234'),
    );
  });

  it('requires real keys in production and checks their size', () => {
    expect(() => readPiiCipher({ NODE_ENV: 'production' })).toThrow(/PII_ENCRYPTION_KEYS is required/);
    expect(() => readPiiCipher({ PII_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' })).toThrow(/32-byte keys/);
    expect(() => readPiiCipher({ PII_ENCRYPTION_KEYS: `k1:${k1.toString('base64')}`, PII_ACTIVE_KEY_ID: 'k7' })).toThrow(
      /PII_ACTIVE_KEY_ID/,
    );
  });
});
