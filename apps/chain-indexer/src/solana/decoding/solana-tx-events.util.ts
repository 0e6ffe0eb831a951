import type { TopicData, topics } from '@convergence/schemas';
import type { SolanaCommitment } from '../config/solana-program.model';
import type { AnchorEventDecoder } from './anchor-event.decoder';
import { solanaEventId, type SolanaEventPosition } from './solana-event-id.util';
import type { SolanaTxView } from './solana-tx-view.model';
import { decodeSplTransfers } from './spl-transfer.decoder';

export type SolanaTxEventData = TopicData<typeof topics.chainSolanaTx>;

/** A chain.solana.tx.v1 payload with its deterministic envelope id. */
export interface SolanaTxEvent {
  readonly id: string;
  readonly data: SolanaTxEventData;
}

export interface SolanaTxEventsResult {
  readonly events: SolanaTxEvent[];
  readonly undecodable: number;
}

/**
 * Every event of one transaction for the topic: SPL transfers (top-level and inner), then the
 * program's Anchor events when it has an IDL, in the order they happened within the transaction.
 *
 * @example
 * solanaTxEventsOf(view, { cluster: 'mainnet', commitment: 'finalized', anchor: decoder })
 */
export function solanaTxEventsOf(
  tx: SolanaTxView,
  context: { cluster: string; commitment: SolanaCommitment; anchor: AnchorEventDecoder | undefined },
): SolanaTxEventsResult {
  const anchor = context.anchor?.decode(tx) ?? { events: [], undecodable: 0 };
  const decoded = [
    ...decodeSplTransfers(tx).map((t) => ({ ...t, kind: 'spl-transfer' as const })),
    ...anchor.events.map((e) => ({ ...e, kind: 'anchor-event' as const })),
  ].sort((a, b) => comparePositions(a.position, b.position));
  return {
    undecodable: anchor.undecodable,
    events: decoded.map((event) => ({
      id: solanaEventId(context.cluster, tx.signature, event.position),
      data: {
        cluster: context.cluster,
        slot: tx.slot.toString(),
        blockTime: tx.blockTime?.toISOString() ?? null,
        signature: tx.signature,
        instructionIndex: event.position.instructionIndex,
        innerInstructionIndex: event.position.innerIndex ?? null,
        eventIndex: event.position.eventIndex ?? null,
        programId: event.programId,
        kind: event.kind,
        name: event.name,
        args: event.args,
        commitment: context.commitment,
      },
    })),
  };
}

// Instruction, then its own events and inner instructions in order (logged events after CPIs: -1 → end).
function comparePositions(a: SolanaEventPosition, b: SolanaEventPosition): number {
  if (a.instructionIndex !== b.instructionIndex) return a.instructionIndex - b.instructionIndex;
  return rankOf(a) - rankOf(b);
}

function rankOf(p: SolanaEventPosition): number {
  if (p.innerIndex !== undefined) return 1 + p.innerIndex;
  if (p.eventIndex !== undefined) return 1_000_000 + p.eventIndex;
  return 0;
}
