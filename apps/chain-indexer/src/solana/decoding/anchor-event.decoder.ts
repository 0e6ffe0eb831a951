import { BorshEventCoder, type Idl } from '@coral-xyz/anchor';
import type { JsonValue } from '@convergence/schemas';
import { anchorJsonOf } from './anchor-json.util';
import { programDataLogsOf } from './program-log-events.util';
import type { SolanaEventPosition } from './solana-event-id.util';
import type { SolanaTxView } from './solana-tx-view.model';

// `emit_cpi!` events travel as a self-CPI whose data starts with this tag (sha256("anchor:event")[..8], LE).
const EVENT_IX_TAG = Buffer.from([0xe4, 0x45, 0xa5, 0x2e, 0x51, 0xcb, 0x9a, 0x1d]);

/** A decoded Anchor event, with where it sits in the transaction. */
export interface AnchorEvent {
  readonly position: SolanaEventPosition;
  readonly programId: string;
  readonly name: string;
  readonly args: Record<string, JsonValue>;
  /**
   * A logged (`emit!`) event: how many of its instruction's inner instructions had started when it
   * was logged, which places it among them (an `emit_cpi!` event is one of them: its position says).
   */
  readonly innerBefore?: number;
}

export interface AnchorDecodeResult {
  readonly events: AnchorEvent[];
  /** Event payloads of the program its IDL does not describe (another IDL version, raw sol_log_data). */
  readonly undecodable: number;
}

/**
 * Decodes one program's Anchor events from a transaction with Anchor's own BorshEventCoder:
 * `emit!` events from the `Program data:` lines the program itself logged (CPIs included, other
 * programs' lines ignored) and `emit_cpi!` events from its self-CPI inner instructions. A failed
 * transaction's events were rolled back with it: none.
 *
 * @example
 * new AnchorEventDecoder(programId, idl).decode(view).events // [{ name: 'MyEvent', args: { data: '5', label: 'hello' }, innerBefore: 0 }]
 */
export class AnchorEventDecoder {
  private readonly coder: BorshEventCoder;

  constructor(
    readonly programId: string,
    idl: Idl,
  ) {
    this.coder = new BorshEventCoder(idl);
  }

  decode(tx: SolanaTxView): AnchorDecodeResult {
    if (tx.failed) return { events: [], undecodable: 0 };
    const events: AnchorEvent[] = [];
    let undecodable = 0;
    const perInstruction = new Map<number, number>();
    const logs = programDataLogsOf(
      tx.logMessages,
      tx.instructions.map((ix) => ix.programId),
    ).filter((log) => log.programId === this.programId);
    for (const log of logs) {
      const eventIndex = perInstruction.get(log.instructionIndex) ?? 0;
      perInstruction.set(log.instructionIndex, eventIndex + 1);
      const event = this.decodeBase64(log.fields[0] ?? '');
      if (event) {
        events.push({
          ...event,
          position: { instructionIndex: log.instructionIndex, eventIndex },
          innerBefore: log.innerBefore,
        });
      } else undecodable += 1;
    }
    for (const [instructionIndex, inner] of tx.innerInstructions) {
      inner.forEach((ix, innerIndex) => {
        if (ix.programId !== this.programId || !isEventCpi(ix.data)) return;
        const event = this.decodeBase64(
          Buffer.from(ix.data.subarray(EVENT_IX_TAG.length)).toString('base64'),
        );
        if (event) events.push({ ...event, position: { instructionIndex, innerIndex } });
        else undecodable += 1;
      });
    }
    return { events, undecodable };
  }

  private decodeBase64(base64: string): Omit<AnchorEvent, 'position'> | undefined {
    let decoded: { name: string; data: unknown } | null;
    try {
      decoded = this.coder.decode(base64);
    } catch {
      return undefined; // a known discriminator over bytes that do not fit the layout
    }
    if (!decoded) return undefined;
    const args = anchorJsonOf(decoded.data);
    return {
      programId: this.programId,
      name: decoded.name,
      args: typeof args === 'object' && args !== null && !Array.isArray(args) ? args : { value: args },
    };
  }
}

function isEventCpi(data: Uint8Array): boolean {
  return data.length > EVENT_IX_TAG.length && EVENT_IX_TAG.equals(data.subarray(0, EVENT_IX_TAG.length));
}
