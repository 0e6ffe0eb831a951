import { type Abi, type AbiEvent, type Hex, toEventSelector } from 'viem';
import { EventDecoder } from './event-decoder';

// Hashing every event signature for every log would dominate decoding; ABIs are long-lived constants.
const decodersByAbi = new WeakMap<Abi, ReadonlyMap<string, EventDecoder>>();

/**
 * The decoder of the non-anonymous event of `abi` whose selector is `topic0` (lower-case), built once
 * per ABI. Anonymous events have no selector to match, so their logs are never decoded by topic0.
 *
 * @example
 * eventDecoderOf(demoTokenAbi, transferTopic0)?.event.name // 'Transfer'
 */
export function eventDecoderOf(abi: Abi, topic0: Hex): EventDecoder | undefined {
  let bySelector = decodersByAbi.get(abi);
  if (!bySelector) {
    const events = abi.filter((item): item is AbiEvent => item.type === 'event' && !item.anonymous);
    bySelector = new Map(events.map((event) => [toEventSelector(event), new EventDecoder(event)]));
    decodersByAbi.set(abi, bySelector);
  }
  return bySelector.get(topic0);
}
