import { Keypair } from '@solana/web3.js';
import { type SolanaScenario, TOKEN_PROGRAM } from './solana-scenario';

/** A mint with two holders, Alice funded, created by real SPL Token transactions. */
export async function createHolders(scenario: SolanaScenario) {
  const { tokens } = scenario;
  const mint = await tokens.createMint(6);
  const alice = Keypair.generate();
  const bob = Keypair.generate();
  const aliceAccount = await tokens.createAssociatedAccount(mint, alice.publicKey);
  const bobAccount = await tokens.createAssociatedAccount(mint, bob.publicKey);
  /** The last setup transaction: start indexing after it to see only what a test does next. */
  const funded = await tokens.mintTo(mint, aliceAccount, 10_000_000n);
  return { mint, alice, bob, aliceAccount, bobAccount, funded };
}

export type Holders = Awaited<ReturnType<typeof createHolders>>;

/** `count` transfers Alice → Bob of amounts first, first+1, … one after another; their signatures. */
export async function transferMany(
  scenario: SolanaScenario,
  h: Holders,
  count: number,
  first = 1n,
): Promise<string[]> {
  const signatures: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    signatures.push(await scenario.tokens.transfer(h.aliceAccount, h.bobAccount, h.alice, first + i));
  }
  return signatures;
}

/** The SPL Token program watched from just after `startSignature`, at `commitment`. */
export function tokenProgramAfter(
  startSignature: string,
  commitment: 'confirmed' | 'finalized' = 'confirmed',
) {
  return [{ name: 'spl-token', programId: TOKEN_PROGRAM, commitment, startSignature }];
}
