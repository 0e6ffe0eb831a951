import { privateKeyToAccount } from 'viem/accounts';
import { isOpinionSignedBy, opinionHashOf } from './opinion-signature.util';

// Hardhat's public dev keys #1 and #2 (local chains only).
const alice = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const bob = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');

describe(isOpinionSignedBy.name, () => {
  const hash = opinionHashOf('Yes: ETF inflows keep climbing');

  it("accepts the staker's personal signature over the raw opinion hash", async () => {
    const signature = await alice.signMessage({ message: { raw: hash } });
    expect(await isOpinionSignedBy(alice.address, hash, signature)).toBe(true);
  });

  it('refuses a signature by someone else or over another text', async () => {
    expect(
      await isOpinionSignedBy(alice.address, hash, await bob.signMessage({ message: { raw: hash } })),
    ).toBe(false);
    const other = await alice.signMessage({ message: { raw: opinionHashOf('No') } });
    expect(await isOpinionSignedBy(alice.address, hash, other)).toBe(false);
  });
});
