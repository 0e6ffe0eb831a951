import { type Abi, type AbiEvent, BaseError, decodeEventLog, type Hex, toEventSelector } from 'viem';
import type { JsonValue } from '@convergence/schemas';
import type { AbisByAddress } from '../decoding/contract-abi.util';
import type { EvmLogDecoding, RawEvmLog, UndecodableReason } from '../decoding/evm-log-decoding.util';
import { jsonSafeOf } from '../decoding/json-safe.util';

/**
 * The indexer's first decoder, kept as the reference the fast one must equal: viem's own
 * `decodeEventLog` (strict) per log, args through `jsonSafeOf`. Tests only — it hashes every event
 * signature of the ABI for every log.
 */
export function decodeEvmLogWithViem(log: RawEvmLog, abisByAddress: AbisByAddress): EvmLogDecoding {
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
