import { signAckToken, verifyAckToken } from './ack-token.util';

const secret = 'a'.repeat(32);
const now = new Date('2030-01-01T00:00:00Z');
const claim = {
  groupKey: '{}:{alertname="Down"}',
  receiver: 'ops',
  expiresAt: new Date('2030-01-02T00:00:00Z'),
};

describe(verifyAckToken.name, () => {
  it('accepts its own token until it expires', () => {
    const token = signAckToken(claim, secret);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyAckToken(token, secret, now)).toEqual({ ok: true, claim });
    expect(verifyAckToken(token, secret, claim.expiresAt)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a token signed with another secret or altered', () => {
    const token = signAckToken(claim, secret);
    expect(verifyAckToken(token, 'b'.repeat(32), now)).toEqual({ ok: false, problem: 'bad-signature' });
    const [, mac] = token.split('.');
    const other = signAckToken({ ...claim, groupKey: '{}:{alertname="Other"}' }, secret).split('.')[0];
    expect(verifyAckToken(`${other}.${mac}`, secret, now)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses malformed tokens', () => {
    expect(verifyAckToken('nodot', secret, now)).toEqual({ ok: false, problem: 'malformed' });
    expect(verifyAckToken('a.b.c', secret, now)).toEqual({ ok: false, problem: 'malformed' });
  });
});
