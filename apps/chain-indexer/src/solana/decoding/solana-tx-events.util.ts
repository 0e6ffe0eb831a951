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
  ].sort(compareOrder);
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

const UNKNOWN_PLACE = 1e9;

type Ordered = { readonly position: SolanaEventPosition; readonly innerBefore?: number };

// By instruction; within one: the instruction itself, then its inner instructions and logged
// events as they happened — a logged event after the inner instructions that started before it.
function compareOrder(a: Ordered, b: Ordered): number {
  if (a.position.instructionIndex !== b.position.instructionIndex) {
    return a.position.instructionIndex - b.position.instructionIndex;
  }
  return rankOf(a) - rankOf(b) || (a.position.eventIndex ?? 0) - (b.position.eventIndex ?? 0);
}

function rankOf({ position, innerBefore }: Ordered): number {
  if (position.innerIndex !== undefined) return position.innerIndex;
  // Between inner instruction innerBefore - 1 and innerBefore; unknown: after all of them.
  if (position.eventIndex !== undefined) return (innerBefore ?? UNKNOWN_PLACE) - 0.5;
  return -1;
}
