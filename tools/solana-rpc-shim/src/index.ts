// What tests, benches and the dev stack import as @convergence/solana-rpc-shim.
export { SolanaLedger, TransactionRejectedError, type SolanaLedgerOptions } from './ledger/solana-ledger';
export type {
  Commitment,
  LedgerTransaction,
  TokenBalance,
  TransactionErrorJson,
  UiTokenAmount,
} from './ledger/ledger.types';
export {
  startSolanaRpcShim,
  type SolanaRpcShim,
  type SolanaRpcShimOptions,
  type ShimRequest,
} from './http/shim-server';
export { FaultPlan, type Fault, type FaultRule } from './http/fault-plan';
export { JsonRpcError } from './rpc/json-rpc.error';
export { sendAndConfirm } from './client/send-and-confirm';
export { SplTokenActions } from './client/spl-token-actions';
