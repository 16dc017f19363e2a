import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { assertProductionSecret, ConfigError, readCommonConfig, readPiiCipher } from '../index';

const strong = () => randomBytes(32).toString('base64');
const PRODUCTION = () => ({
  NODE_ENV: 'production',
  IDENTITY_SIGNING_SECRET: strong(),
  SERVICE_TOKEN: strong(),
  PII_ENCRYPTION_KEYS: `k1:${strong()}`,
  PII_INDEX_KEY: strong(),
});

/** The placeholders shipped in deploy/k8s/secrets.yaml, as a careless deployment would apply them. */
const k8s = (load(readFileSync(join(__dirname, '../../../../deploy/k8s/secrets.yaml'), 'utf8')) as { stringData: Record<string, string> })
  .stringData;

function refusal(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('production refuses placeholder, development and weak secrets', () => {
  it.each(['IDENTITY_SIGNING_SECRET', 'SERVICE_TOKEN'])("refuses deploy/k8s/secrets.yaml's placeholder for %s", (name) => {
    const error = refusal(() => readCommonConfig('member', { ...PRODUCTION(), [name]: k8s[name] }));
    expect(error.variable).toBe(name);
    expect(error.message).toMatch(/placeholder/);
    expect(error.message).not.toContain(k8s[name]);
  });

  it('refuses placeholders in the PII keys, even when they decode to 32 bytes', () => {
    expect(refusal(() => readPiiCipher({ ...PRODUCTION(), PII_ENCRYPTION_KEYS: k8s.PII_ENCRYPTION_KEYS })).variable).toBe(
      'PII_ENCRYPTION_KEYS',
    );
    expect(refusal(() => readPiiCipher({ ...PRODUCTION(), PII_INDEX_KEY: k8s.PII_INDEX_KEY })).variable).toBe('PII_INDEX_KEY');
    // "REPLACEexampleKey…" is valid base64 of 32 bytes: only the placeholder rule stops it.
    const looksLikeAKey = 'REPLACEexampleKeyAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(Buffer.from(looksLikeAKey, 'base64')).toHaveLength(32);
    expect(refusal(() => readPiiCipher({ ...PRODUCTION(), PII_INDEX_KEY: looksLikeAKey })).message).toMatch(
      /PII_INDEX_KEY is a placeholder/,
    );
  });

  it.each(['CHANGE-ME-please-0a9f8e7d6c5b4a3', 'my-example-secret-Zx81Qa0Lp5Rt', 'placeholder-value-Kd93Jf02Lq7Ws'])(
    'refuses %s',
    (value) => {
      expect(refusal(() => readCommonConfig('member', { ...PRODUCTION(), SERVICE_TOKEN: value })).message).toMatch(
        /SERVICE_TOKEN is a placeholder/,
      );
    },
  );

  it("refuses a placeholder or weak password in a database URL, naming the URL's variable, and leaves a URL without one alone", () => {
    expect(refusal(() => readCommonConfig('points', { ...PRODUCTION(), DATABASE_URL: k8s.DATABASE_URL })).message).toMatch(
      /^Invalid configuration: DATABASE_URL is a placeholder/,
    );
    const weak = refusal(() => readCommonConfig('points', { ...PRODUCTION(), POINTS_DATABASE_URL: 'mysql://app:secret@db:3306/points' }));
    expect(weak.variable).toBe('POINTS_DATABASE_URL');
    expect(weak.message).not.toContain('secret@');
    const password = encodeURIComponent(strong());
    expect(readCommonConfig('points', { ...PRODUCTION(), DATABASE_URL: `mysql://app:${password}@db:3306` }).databaseUrl).toContain(
      password,
    );
    expect(readCommonConfig('points', { ...PRODUCTION(), DATABASE_URL: 'mysql://root@127.0.0.1:3306' }).databaseUrl).toBeDefined();
  });

  it('refuses the development defaults that outside production are used when nothing is set', () => {
    const development = readCommonConfig('member', {});
    const error = refusal(() => readCommonConfig('member', { ...PRODUCTION(), IDENTITY_SIGNING_SECRET: development.identitySecret }));
    expect(error.variable).toBe('IDENTITY_SIGNING_SECRET');
    expect(refusal(() => readCommonConfig('member', { ...PRODUCTION(), SERVICE_TOKEN: development.serviceToken })).variable).toBe(
      'SERVICE_TOKEN',
    );
    // The development PII keys, pasted in base64: valid keys, but public ones.
    const devIndexKey = readPiiCipher({});
    const devIndex = createHash('sha256').update('membergraph-development-index').digest().toString('base64');
    expect(devIndexKey.blindIndex('x')).toBe(readPiiCipher({ PII_INDEX_KEY: devIndex }).blindIndex('x'));
    expect(refusal(() => readPiiCipher({ ...PRODUCTION(), PII_INDEX_KEY: devIndex })).message).toMatch(
      /PII_INDEX_KEY is a development default/,
    );
  });

  it.each([
    ['one character repeated', 'a'.repeat(40)],
    ['one block repeated', '0123456789abcdef0123456789abcdef'],
    ['a word repeated', 'passwordpasswordpassword'],
    ['the alphabet', 'abcdefghijklmnopqrstuvwxyz0123'],
    ['too short', 'Xk9#q2Lm7$Wz'],
    ['16 bytes of hex padded with a run', `${randomBytes(8).toString('hex')}123456`],
  ])('refuses a low-entropy value (%s)', (_, value) => {
    expect(refusal(() => assertProductionSecret('IDENTITY_SIGNING_SECRET', value)).message).toMatch(/IDENTITY_SIGNING_SECRET is too weak/);
  });

  it('accepts a random value that happens to hold a short run (hex from openssl rand -hex 32)', () => {
    const hex = randomBytes(32).toString('hex');
    expect(() => assertProductionSecret('X', `${hex.slice(0, 20)}abcdef${hex.slice(26)}`)).not.toThrow();
  });

  it('refuses a value that is largely a run', () => {
    expect(refusal(() => assertProductionSecret('X', `${randomBytes(9).toString('hex')}0123456789abcdefgh`)).message).toMatch(
      /X is too weak/,
    );
  });

  it('accepts random values of the documented kind (openssl rand -base64 32, -hex 32)', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(() => assertProductionSecret('X', randomBytes(32).toString('base64'))).not.toThrow();
      expect(() => assertProductionSecret('X', randomBytes(32).toString('hex'))).not.toThrow();
    }
    expect(readCommonConfig('member', PRODUCTION()).nodeEnv).toBe('production');
  });

  it('leaves development and test alone: their defaults and short-lived values still work', () => {
    expect(() => readCommonConfig('member', { NODE_ENV: 'test' })).not.toThrow();
    expect(() => readCommonConfig('member', { NODE_ENV: 'development', SERVICE_TOKEN: k8s.SERVICE_TOKEN })).not.toThrow();
  });
});
