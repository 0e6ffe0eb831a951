import type { StackSolana } from './stack-types';

export interface SolanaPart {
  solana: StackSolana;
  stop(): Promise<void>;
}

/** The SPL Token program, which litesvm ships: what the indexer watches on the local cluster. */
export const SPL_TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';

/** Slots tick like a cluster's (400 ms) so `finalized` catches up with `confirmed`. */
const SLOT_MS = 400;

/**
 * Starts the local Solana cluster: the JSON-RPC shim over litesvm (a real SVM; no validator runs here) with
 * slots ticking and, with `withDemo`, a demo SPL token minted to two wallets and moved between them in real
 * transactions. The shim and web3.js are loaded only here.
 */
export async function startSolana(options: { port?: number; withDemo: boolean }): Promise<SolanaPart> {
  const { startSolanaRpcShim, SplTokenActions } = await import('@convergence/solana-rpc-shim');
  const shim = await startSolanaRpcShim({ port: options.port });
  const ticker = setInterval(() => shim.ledger.advanceSlots(1), SLOT_MS);
  ticker.unref();
  const stop = async (): Promise<void> => {
    clearInterval(ticker);
    await shim.close();
  };
  try {
    const solana: StackSolana = {
      rpcUrl: shim.url,
      programs: [{ name: 'spl-token', programId: SPL_TOKEN_PROGRAM_ID, commitment: 'confirmed' }],
    };
    if (options.withDemo) {
      const { Connection, Keypair, LAMPORTS_PER_SOL } = await import('@solana/web3.js');
      const connection = new Connection(shim.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
      const payer = Keypair.generate();
      // The shim executes an airdrop as it answers (a real system transfer from its faucet).
      await connection.requestAirdrop(payer.publicKey, 10 * LAMPORTS_PER_SOL);
      const tokens = new SplTokenActions(connection, payer);
      const [alice, bob] = [Keypair.generate(), Keypair.generate()];
      const mint = await tokens.createMint(6);
      const aliceAccount = await tokens.createAssociatedAccount(mint, alice.publicKey);
      const bobAccount = await tokens.createAssociatedAccount(mint, bob.publicKey);
      await tokens.mintTo(mint, aliceAccount, 1_000_000_000n);
      const signatures: string[] = [];
      for (const amount of [250_000_000n, 100_000_000n, 5_000_000n])
        signatures.push(await tokens.transfer(aliceAccount, bobAccount, alice, amount));
      solana.demo = {
        mint: mint.toBase58(),
        wallets: [alice.publicKey.toBase58(), bob.publicKey.toBase58()],
        transfers: signatures.length,
      };
    }
    return { solana, stop };
  } catch (error) {
    await stop();
    throw new Error(`The Solana RPC shim started at ${shim.url} but the demo activity could not be sent`, {
      cause: error,
    });
  }
}
