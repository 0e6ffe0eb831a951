import type { JsonValue } from '@convergence/schemas';
import { type Abi, type AbiEvent, BaseError, decodeEventLog, type Hex, toEventSelector } from 'viem';
import type { AbisByAddress } from './contract-abi.util';
import { jsonSafeOf } from './json-safe.util';

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
 * A log decoded with the ABI of the contract that emitted it (viem `decodeEventLog`, strict), args
 * made JSON-safe (`jsonSafeOf`) and keyed by parameter name (by position for unnamed ones). A log
 * that does not fit — unknown address or event, or topics/data that do not match the event, as when
 * an ERC-721 `Transfer` (3 indexed) meets an ERC-20 ABI (2 indexed) — is `undecodable`, not thrown.
 *
 * @example
 * decodeEvmLog(log, abisByAddressOf([{ address: token, contract: 'DemoToken' }]))
 * // { kind: 'decoded', contract: 'DemoToken', eventName: 'Transfer', args: { from: '0x…', to: '0x…', value: '1000' } }
 */
export function decodeEvmLog(log: RawEvmLog, abisByAddress: AbisByAddress): EvmLogDecoding {
  // viem matches the selector by exact string; providers are lower-case, but not all of them.
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
  const event = eventOf(known.abi, topic0);
  if (!event) return undecodable('unknown-event', known.contract);
  // viem ignores surplus topics; a log with more topics than indexed inputs is another event.
  if (topics.length !== 1 + event.inputs.filter((input) => input.indexed).length) {
    return undecodable('topics-mismatch', known.contract);
  }
  let args: unknown;
  try {
    ({ args } = decodeEventLog({
      abi: [event],
      data: log.data,
      topics: topics as [Hex, ...Hex[]],
      strict: true,
    }));
  } catch (error) {
    // The event is known and the topics fit, so whatever viem refuses here is data that does not fit.
    return undecodable(
      'data-mismatch',
      known.contract,
      error instanceof BaseError ? error.shortMessage : String(error),
    );
  }
  return {
    kind: 'decoded',
    contract: known.contract,
    eventName: event.name,
    args: argsRecordOf(event, args),
  };
}

// Hashing every event signature for every log would dominate decoding; ABIs are long-lived constants.
const eventsBySelectorByAbi = new WeakMap<Abi, ReadonlyMap<string, AbiEvent>>();

function eventOf(abi: Abi, topic0: Hex): AbiEvent | undefined {
  let bySelector = eventsBySelectorByAbi.get(abi);
  if (!bySelector) {
    const events = abi.filter((item): item is AbiEvent => item.type === 'event' && !item.anonymous);
    bySelector = new Map(events.map((event) => [toEventSelector(event), event]));
    eventsBySelectorByAbi.set(abi, bySelector);
  }
  return bySelector.get(topic0);
}

// viem returns an array when any input is unnamed; key those by position, the rest by name.
function argsRecordOf(event: AbiEvent, args: unknown): Record<string, JsonValue> {
  if (args === undefined) return {};
  if (Array.isArray(args)) {
    return Object.fromEntries(
      args.map((value, i) => [event.inputs[i]?.name || String(i), jsonSafeOf(value)]),
    );
  }
  const record = jsonSafeOf(args);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new TypeError(`decoded args of ${event.name} are not a record`);
  }
  return record;
}
