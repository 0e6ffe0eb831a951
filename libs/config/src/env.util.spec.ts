import { z } from 'zod';
import { baseEnvSchema, portSchema } from './base-env.schema';
import { EnvValidationError, loadEnv, redactEnv } from './env.util';

const schema = baseEnvSchema.extend({ PORT: portSchema(3000) });
const valid = { DATABASE_URL: 'postgres://u:pw@localhost:5432/db', KAFKA_BROKERS: '127.0.0.1:9092, k2:9093' };

describe(loadEnv.name, () => {
  it('returns typed config with defaults applied', () => {
    const env = loadEnv(schema, valid);
    expect(env.PORT).toBe(3000);
    expect(env.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', 'k2:9093']);
    expect(env.KAFKA_SSL).toBe(false);
    expect(env.LOG_LEVEL).toBe('info');
  });

  it('lists every bad variable at once, by name', () => {
    let error: unknown;
    try {
      loadEnv(schema, { KAFKA_BROKERS: 'no-port', PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvValidationError);
    const variables = (error as EnvValidationError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'LOG_LEVEL', 'PORT']);
    expect((error as Error).message).toContain('DATABASE_URL: is required but not set');
  });

  it('treats an empty string as unset', () => {
    expect(loadEnv(schema, { ...valid, PORT: '' }).PORT).toBe(3000);
    expect(() => loadEnv(z.object({ A: z.string() }), { A: '' })).toThrow('A: is required but not set');
  });
});

describe(redactEnv.name, () => {
  it('hides passwords in URLs and secret variables', () => {
    expect(redactEnv({ DATABASE_URL: 'postgres://u:pw@h/db', ANTHROPIC_API_KEY: 'k', PORT: 1 })).toEqual({
      DATABASE_URL: 'postgres://u:***@h/db',
      ANTHROPIC_API_KEY: '***',
      PORT: 1,
    });
  });

  it('hides any variable named as a secret, and only those', () => {
    expect(
      redactEnv({
        ALERT_ROUTER_ACK_SECRET: 's',
        ORACLE_PRIVATE_KEY: '0xabc',
        SMTP_PASSWORD: 'p',
        SLACK_TOKEN: 't',
        TOKEN_TTL_SECONDS: 900,
      }),
    ).toEqual({
      ALERT_ROUTER_ACK_SECRET: '***',
      ORACLE_PRIVATE_KEY: '***',
      SMTP_PASSWORD: '***',
      SLACK_TOKEN: '***',
      TOKEN_TTL_SECONDS: 900,
    });
  });
});
