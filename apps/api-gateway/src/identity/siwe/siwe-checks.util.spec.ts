import { createSiweMessage } from 'viem/siwe';
import { checkSiweMessage } from './siwe-checks.util';

const now = new Date('2026-01-01T12:00:00Z');
const base = {
  address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  chainId: 31337,
  domain: 'app.example',
  nonce: 'abcdefgh12345678',
  uri: 'https://app.example',
  version: '1',
  issuedAt: new Date('2026-01-01T11:59:00Z'),
} as const;

describe(checkSiweMessage.name, () => {
  it('accepts a message for our domain inside its window', () => {
    const check = checkSiweMessage(
      createSiweMessage({ ...base, expirationTime: new Date('2026-01-01T12:05:00Z') }),
      'app.example',
      now,
    );
    expect(check).toEqual({
      ok: true,
      message: expect.objectContaining({ address: base.address, nonce: base.nonce, chainId: 31337 }),
    });
  });

  it('rejects a message for another domain, naming both', () => {
    const check = checkSiweMessage(
      createSiweMessage({ ...base, domain: 'evil.example' }),
      'app.example',
      now,
    );
    expect(check).toEqual({
      ok: false,
      code: 'wrong-domain',
      detail: 'the message is for evil.example, not app.example',
    });
  });

  it('rejects an expired message', () => {
    const check = checkSiweMessage(
      createSiweMessage({ ...base, expirationTime: new Date('2026-01-01T11:59:59Z') }),
      'app.example',
      now,
    );
    expect(check).toMatchObject({ ok: false, code: 'message-expired' });
  });

  it('rejects a message that is not valid yet', () => {
    const check = checkSiweMessage(
      createSiweMessage({ ...base, notBefore: new Date('2026-01-01T12:01:00Z') }),
      'app.example',
      now,
    );
    expect(check).toMatchObject({ ok: false, code: 'message-not-yet-valid' });
  });

  it('rejects text that is not an EIP-4361 message', () => {
    expect(checkSiweMessage('please let me in', 'app.example', now)).toMatchObject({
      ok: false,
      code: 'malformed-message',
    });
  });
});
