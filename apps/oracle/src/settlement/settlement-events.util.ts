import { createEnvelope, topics, type TopicData } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';
import type { SettlementState } from './settlement-job.entity';

/** The oracle.settlement.v1 envelope for one state change of a market's settlement. */
export function settlementEvent(input: {
  chainId: number;
  marketId: string;
  state: SettlementState;
  previousState: SettlementState | null;
  attempt: number;
  txHash?: string;
  reason?: string;
  changedAt: Date;
}) {
  const data: TopicData<typeof topics.oracleSettlement> = {
    chainId: input.chainId,
    marketId: input.marketId,
    state: input.state,
    previousState: input.previousState,
    attempt: input.attempt,
    ...(input.txHash ? { txHash: input.txHash } : {}),
    ...(input.reason ? { reason: input.reason.slice(0, 1_000) } : {}),
    changedAt: input.changedAt.toISOString(),
  };
  return createEnvelope(topics.oracleSettlement, {
    source: SERVICE_NAME,
    subject: `${input.chainId}:${input.marketId}`,
    time: input.changedAt,
    data,
  });
}
