import { createEnvelope, parseEnvelope } from './envelope.util';
import { topics } from './registry';
import { SchemaValidationError } from './schema-validation.error';

const log = {
  chainId: 31337,
  blockNumber: '12',
  blockHash: `0x${'ab'.repeat(32)}`,
  blockTime: '2026-01-01T00:00:00.000Z',
  txHash: `0x${'cd'.repeat(32)}`,
  logIndex: 3,
  address: `0x${'11'.repeat(20)}`,
  contract: 'TrustToken',
  eventName: 'Transfer',
  args: { from: `0x${'22'.repeat(20)}`, to: `0x${'33'.repeat(20)}`, value: '1000' },
  confirmed: false,
};

describe('envelopes', () => {
  it('round-trips an envelope through its JSON form', () => {
    const envelope = createEnvelope(topics.chainEvmLog, {
      id: '31337:0xab:3',
      source: 'chain-indexer',
      data: log,
    });
    const parsed = parseEnvelope(topics.chainEvmLog, Buffer.from(JSON.stringify(envelope)));
    expect(parsed).toEqual(envelope);
    expect(parsed.type).toBe('chain.evm.log.v1');
  });

  it('names the bad field when data does not match the topic schema', () => {
    expect(() =>
      createEnvelope(topics.chainEvmLog, { source: 'x', data: { ...log, blockNumber: '-1' } }),
    ).toThrow(/blockNumber: must be a non-negative decimal integer string/);
  });

  it('rejects a value of another type, non-JSON and a missing value as non-retryable', () => {
    const other = createEnvelope(topics.alertsRaw, {
      source: 'x',
      data: { labels: { alertname: 'A' }, annotations: {}, startsAt: '2026-01-01T00:00:00Z' },
    });
    const attempts = [JSON.stringify(other), '{not json', null];
    for (const value of attempts) {
      let error: unknown;
      try {
        parseEnvelope(topics.chainEvmLog, value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SchemaValidationError);
      expect((error as SchemaValidationError).retryable).toBe(false);
    }
    expect(() => parseEnvelope(topics.chainEvmLog, JSON.stringify(other))).toThrow(
      'type: expected "chain.evm.log.v1", got "alerts.raw.v1"',
    );
  });

  it('keys each topic as its registry entry declares', () => {
    expect(topics.chainEvmLog.keyOf(log)).toBe('31337');
    expect(
      topics.unlockAchieved.keyOf({
        wallet: `0x${'AB'.repeat(20)}`,
        unlockId: 'u',
        unlockVersion: 1,
        achievedAt: '2026-01-01T00:00:00Z',
        provisional: true,
      }),
    ).toBe(`0x${'ab'.repeat(20)}`);
  });
});
