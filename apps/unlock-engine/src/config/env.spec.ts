import { EnvValidationError, loadEnv } from '@convergence/config';
import { envSchema } from './env';

const base = { DATABASE_URL: 'postgres://localhost/x', KAFKA_BROKERS: '127.0.0.1:9092' };
const MINT = 'So11111111111111111111111111111111111111112';
const OTHER = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';

describe('unlock-engine env', () => {
  it('follows no SPL mint on the localnet cluster by default', () => {
    const env = loadEnv(envSchema, base);
    expect(env.UNLOCK_SOLANA_CLUSTER).toBe('localnet');
    expect(env.UNLOCK_SOLANA_MINTS).toEqual([]);
  });

  it('reads a comma-separated list of mints, trimmed and each once', () => {
    expect(
      loadEnv(envSchema, { ...base, UNLOCK_SOLANA_MINTS: ` ${MINT}, ${OTHER},${MINT},` }).UNLOCK_SOLANA_MINTS,
    ).toEqual([MINT, OTHER]);
  });

  it('names a mint that is no base58 public key, and a bad cluster name', () => {
    expect(() =>
      loadEnv(envSchema, {
        ...base,
        UNLOCK_SOLANA_MINTS: `${MINT},0xabc`,
        UNLOCK_SOLANA_CLUSTER: 'Main Net',
      }),
    ).toThrow(EnvValidationError);
    expect(() => loadEnv(envSchema, { ...base, UNLOCK_SOLANA_MINTS: `${MINT},0xabc` })).toThrow(
      /UNLOCK_SOLANA_MINTS.*each must be a base58 SPL mint address/,
    );
    expect(() => loadEnv(envSchema, { ...base, UNLOCK_SOLANA_CLUSTER: 'Main Net' })).toThrow(
      /UNLOCK_SOLANA_CLUSTER.*lowercase letters, digits and - only/,
    );
  });

  it('fetches 4 MiB of chain events per partition by default and names a fetch size out of range', () => {
    expect(loadEnv(envSchema, base).UNLOCK_CHAIN_FETCH_MAX_BYTES).toBe(4 * 1024 * 1024);
    expect(
      loadEnv(envSchema, { ...base, UNLOCK_CHAIN_FETCH_MAX_BYTES: '8388608' }).UNLOCK_CHAIN_FETCH_MAX_BYTES,
    ).toBe(8 * 1024 * 1024);
    expect(() => loadEnv(envSchema, { ...base, UNLOCK_CHAIN_FETCH_MAX_BYTES: '1000' })).toThrow(
      /UNLOCK_CHAIN_FETCH_MAX_BYTES/,
    );
  });
});
