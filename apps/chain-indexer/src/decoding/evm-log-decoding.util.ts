import type { JsonValue } from '@convergence/schemas';
import { BaseError, type Hex } from 'viem';
import type { AbisByAddress } from './contract-abi.util';
import { eventDecoderOf } from './event-decoders.table';

/** A log decoded against its contract's ABI, args JSON-safe. */
export interface DecodedEvent {
  readonly contract: string;
  readonly eventName: string;
  readonly args: Record<string, JsonValue>;
}

export type UndecodableReason =
  | 'unknown-address'
  | 'no-topics'
  | 'unknown-event'
  | 'topics-mismatch'
  | 'data-mismatch';

export type EvmLogDecoding =
  | ({ readonly kind: 'decoded' } & DecodedEvent)
  | {
      readonly kind: 'undecodable';
      readonly reason: UndecodableReason;
      readonly address: string;
      readonly topic0: Hex | undefined;
      readonly contract?: string;
      /** viem's reason, for a `data-mismatch`. */
      readonly detail?: string;
    };

export interface RawEvmLog {
  readonly address: string;
  readonly topics: readonly Hex[];
  readonly data: Hex;
}

/**
 * A log decoded with the ABI of the contract that emitted it, args made JSON-safe and keyed by
 * parameter name (by position for unnamed ones) — exactly what viem's strict `decodeEventLog` and
 * `jsonSafeOf` give, through decoders prepared once per ABI event (`EventDecoder`). A log that does
 * not fit — unknown address or event, or topics/data that do not match the event, as when an
 * ERC-721 `Transfer` (3 indexed) meets an ERC-20 ABI (2 indexed) — is `undecodable`, not thrown.
 *
 * @example
 * decodeEvmLog(log, abisByAddressOf([{ address: token, contract: 'DemoToken' }]))
 * // { kind: 'decoded', contract: 'DemoToken', eventName: 'Transfer', args: { from: '0x…', to: '0x…', value: '1000' } }
 */
export function decodeEvmLog(log: RawEvmLog, abisByAddress: AbisByAddress): EvmLogDecoding {
  // Selectors are matched by exact string; providers are lower-case, but not all of them.
  const topics = log.topics.map((topic) => topic.toLowerCase() as Hex);
  const topic0 = topics[0];
  const undecodable = (reason: UndecodableReason, contract?: string, detail?: string): EvmLogDecoding => ({
    kind: 'undecodable',
    reason,
    address: log.address,
    topic0,
    ...(contract === undefined ? {} : { contract }),
    ...(detail === undefined ? {} : { detail }),
  });
  const known = abisByAddress.get(log.address.toLowerCase());
  if (!known) return undecodable('unknown-address');
  if (topic0 === undefined) return undecodable('no-topics', known.contract);
  const decoder = eventDecoderOf(known.abi, topic0);
  if (!decoder) return undecodable('unknown-event', known.contract);
  // viem ignores surplus topics; a log with more topics than indexed inputs is another event.
  if (topics.length !== decoder.topicCount) return undecodable('topics-mismatch', known.contract);
  try {
    return {
      kind: 'decoded',
      contract: known.contract,
      eventName: decoder.event.name,
      args: decoder.decode(topics, log.data),
    };
  } catch (error) {
    // The event is known and the topics fit, so whatever viem refuses here is data that does not fit.
    return undecodable(
      'data-mismatch',
      known.contract,
      error instanceof BaseError ? error.shortMessage : String(error),
    );
  }
}
