import { Connection, Keypair, PublicKey } from '@solana/web3.js';
import type { OracleEnv } from '../../config/env';
import type { TransactionTracker } from '../transaction-tracker';
import { SolanaMarketAdapter } from './solana-market.adapter';

/** The Solana adapter of SETTLEMENT_CHAIN=solana, from the validated env (which requires its variables). */
export function createSolanaMarketAdapter(
  env: OracleEnv,
  transactions: TransactionTracker,
): SolanaMarketAdapter {
  return new SolanaMarketAdapter({
    connection: new Connection(env.SOLANA_RPC_URL!, {
      commitment: 'confirmed',
      disableRetryOnRateLimit: false,
    }),
    programId: new PublicKey(env.SOLANA_PROGRAM_ID),
    signer: Keypair.fromSecretKey(Uint8Array.from(env.SOLANA_ORACLE_PRIVATE_KEY!)),
    clusterId: env.SOLANA_CLUSTER_ID,
    transactions,
    confirmTimeoutMs: env.SOLANA_CONFIRM_TIMEOUT_MS,
    confirmPollMs: Math.min(env.EVM_RECEIPT_POLL_MS, 500),
  });
}
