import { createServer, type Server } from 'node:net';
import { privateKeyToAddress } from 'viem/accounts';
import { rpcRequest, startHardhat } from '..';
import { CHAIN_TIMEOUT_MS } from './demo-chain';

jest.setTimeout(CHAIN_TIMEOUT_MS);

describe('startHardhat', () => {
  it('starts on a free port with the well-known dev accounts and stops cleanly (twice is fine)', async () => {
    const node = await startHardhat();
    try {
      expect(node.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(node.chainId).toBe(31337);
      expect(node.accounts).toHaveLength(20);
      expect(privateKeyToAddress(node.accounts[0]!)).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
      expect(await rpcRequest<string>(node.rpcUrl, 'eth_chainId')).toBe('0x7a69');
      const balance = await rpcRequest<string>(node.rpcUrl, 'eth_getBalance', [
        privateKeyToAddress(node.accounts[19]!),
        'latest',
      ]);
      expect(BigInt(balance)).toBe(10_000n * 10n ** 18n);
    } finally {
      await node.stop();
    }
    await expect(rpcRequest(node.rpcUrl, 'eth_chainId')).rejects.toThrow(/ECONNREFUSED/);
    await expect(node.stop()).resolves.toBeUndefined();
  });

  it('refuses a port that is already taken instead of talking to the squatter', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const address = squatter.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startHardhat({ port })).rejects.toThrow(`127.0.0.1:${port} is in use`);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });

  it('reports the node output when Hardhat cannot start', async () => {
    // 203.0.113.0/24 is TEST-NET-3: never a local interface, so Hardhat's listen() fails.
    const failure = startHardhat({ host: '203.0.113.1', port: 45_678 });
    await expect(failure).rejects.toThrow(
      /failed to start: process exited with 1\. Last output:\n[\s\S]*EADDRNOTAVAIL/,
    );
  });
});
