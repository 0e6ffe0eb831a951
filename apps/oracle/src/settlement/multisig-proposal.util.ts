import type { PreparedCall } from '../chain/market-chain.adapter';

/**
 * A transaction for the multisig's signers (Safe-style: to, value, data, operation CALL) with a
 * human summary; the oracle waits until the chain shows it executed.
 */
export interface MultisigProposal {
  multisig: string;
  chainId: number;
  call: PreparedCall['name'];
  to: string;
  value: string;
  data: string;
  operation: 0;
  summary: string;
  proposedAt: string;
}

/** The proposal for `call`, made at `now`. */
export function multisigProposalOf(
  call: PreparedCall,
  multisig: string,
  chainId: number,
  now: Date,
): MultisigProposal {
  return {
    multisig,
    chainId,
    call: call.name,
    to: call.to,
    value: call.value,
    data: call.data,
    operation: 0,
    summary: call.summary,
    proposedAt: now.toISOString(),
  };
}
