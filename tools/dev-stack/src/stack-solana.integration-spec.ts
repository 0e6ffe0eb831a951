import { Connection, PublicKey } from '@solana/web3.js';
import { getAccount, getAssociatedTokenAddressSync } from '@solana/spl-token';
import { SPL_TOKEN_PROGRAM_ID, startSolana, type SolanaPart } from './stack-solana';

// The local Solana cluster of `npm start`: a real SVM behind Solana's JSON-RPC, seeded with real SPL transfers.
describe('the local Solana cluster', () => {
  let part: SolanaPart;
  afterAll(() => part?.stop());

  it('serves the demo token: the transfers executed and the balances they leave', async () => {
    part = await startSolana({ withDemo: true });
    const { demo, programs } = part.solana;
    expect(programs).toEqual([
      { name: 'spl-token', programId: SPL_TOKEN_PROGRAM_ID, commitment: 'confirmed' },
    ]);
    if (!demo) throw new Error('no demo activity was reported');
    const connection = new Connection(part.solana.rpcUrl, 'confirmed');
    const mint = new PublicKey(demo.mint);
    const [alice, bob] = demo.wallets.map((wallet) =>
      getAssociatedTokenAddressSync(mint, new PublicKey(wallet), true),
    ) as [PublicKey, PublicKey];
    // 1,000 minted to the first wallet, then 250 + 100 + 5 moved to the second (6 decimals).
    expect((await getAccount(connection, alice)).amount).toBe(645_000_000n);
    expect((await getAccount(connection, bob)).amount).toBe(355_000_000n);
    // What the indexer reads: the token program's signatures include the three transfers.
    const signatures = await connection.getSignaturesForAddress(new PublicKey(SPL_TOKEN_PROGRAM_ID));
    expect(signatures.filter((signature) => signature.err === null).length).toBeGreaterThanOrEqual(
      demo.transfers + 1,
    );
  });
});
