import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../../services/kit/src';
import { loadGatewayConfig } from '../config';

const strong = () => randomBytes(32).toString('base64');

describe('gateway configuration in production', () => {
  it("refuses deploy/k8s/secrets.yaml's placeholder signing secret, naming the variable", () => {
    const load = () =>
      loadGatewayConfig({ NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: 'REPLACE-with-a-long-random-secret', SERVICE_TOKEN: strong() });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow('Invalid configuration: IDENTITY_SIGNING_SECRET is a placeholder');
  });

  it('refuses a weak service token and the development default', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: strong(), SERVICE_TOKEN: 'x'.repeat(40) })).toThrow(
      /SERVICE_TOKEN is too weak/,
    );
    const development = loadGatewayConfig({});
    expect(() =>
      loadGatewayConfig({ NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: development.identitySecret, SERVICE_TOKEN: strong() }),
    ).toThrow(/IDENTITY_SIGNING_SECRET is a (placeholder|development default)/);
  });

  it('starts with random secrets', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'production', IDENTITY_SIGNING_SECRET: strong(), SERVICE_TOKEN: strong() }).nodeEnv).toBe(
      'production',
    );
  });
});
