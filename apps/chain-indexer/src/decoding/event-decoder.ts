import type { JsonValue } from '@convergence/schemas';
import {
  type AbiEvent,
  type AbiParameter,
  AbiDecodingDataSizeTooSmallError,
  DecodeLogDataMismatch,
  decodeAbiParameters,
  type Hex,
  size,
} from 'viem';
import { type WordDecoder, wordDecoderOf } from './abi-word.util';
import { jsonSafeOf } from './json-safe.util';

/**
 * One ABI event prepared once for every log it decodes: what viem's `decodeEventLog` (strict) does
 * per call — find the event by hashing every signature, sort inputs into topics and data — is done
 * here up front. Events whose data holds only static elementary types (address, bool, uint, int,
 * bytesN; ERC-20 `Transfer` and most events) are decoded word by word from the hex; the rest, and any
 * log the fast path would not accept as it is, through viem's `decodeAbiParameters`. The args come
 * out exactly as `jsonSafeOf` of viem's, keys in viem's order; a log viem refuses throws viem's error.
 *
 * @example
 * const transfer = new EventDecoder(transferEvent);
 * transfer.decode(topics, data) // { from: '0xf39F…', to: '0x7099…', value: '1000' }
 */
export class EventDecoder {
  /** Topics a log of this event has: the selector, then one per indexed input. */
  readonly topicCount: number;
  private readonly indexed: readonly Slot[];
  private readonly nonIndexed: readonly Slot[];
  private readonly nonIndexedParams: readonly AbiParameter[];
  /** viem returns an array (keyed here by position) when any input is unnamed, else an object. */
  private readonly unnamed: boolean;
  /** Every data word decoded without viem: the whole data is static elementary types. */
  private readonly staticData: boolean;

  constructor(readonly event: AbiEvent) {
    const slots = event.inputs.map((input, position) => slotOf(input, position));
    this.indexed = slots.filter((slot) => slot.input.indexed);
    this.nonIndexed = slots.filter((slot) => !slot.input.indexed);
    this.nonIndexedParams = this.nonIndexed.map((slot) => slot.input);
    this.topicCount = 1 + this.indexed.length;
    this.unnamed = event.inputs.some((input) => !input.name);
    this.staticData = this.nonIndexed.every((slot) => slot.word !== undefined);
  }

  /**
   * The args of a log of this event; `topics` lower-case, as many as `topicCount`. Throws what viem's
   * `decodeEventLog` throws for data that does not fit.
   */
  decode(topics: readonly Hex[], data: Hex): Record<string, JsonValue> {
    const values: JsonValue[] = new Array<JsonValue>(this.event.inputs.length);
    for (let i = 0; i < this.indexed.length; i++) {
      const slot = this.indexed[i]!;
      values[slot.position] = this.topicValue(slot, topics[i + 1]!);
    }
    if (this.nonIndexed.length > 0) {
      const fast = this.staticData && typeof data === 'string' && this.staticDataValues(data, values);
      if (!fast) this.viemDataValues(data, values);
    }
    return this.recordOf(values);
  }

  // viem's decodeTopic: dynamic and composite indexed values are only their hash, the topic itself.
  private topicValue(slot: Slot, topic: Hex): JsonValue {
    if (slot.topicIsHash) return topic;
    if (slot.word && topic.length === 66 && HEX_DIGITS.test(topic.slice(2))) {
      const value = slot.word(topic.slice(2));
      if (value !== undefined) return value;
    }
    return jsonSafeOf(decodeAbiParameters([slot.input], topic)[0]);
  }

  /** Fills the data values word by word; false when the data is not plainly well-formed (viem decides then). */
  private staticDataValues(data: Hex, values: JsonValue[]): boolean {
    const hex = data.slice(2).toLowerCase();
    if (hex.length % 2 !== 0 || hex.length < 64 * this.nonIndexed.length || !HEX_DIGITS.test(hex))
      return false;
    for (let i = 0; i < this.nonIndexed.length; i++) {
      const slot = this.nonIndexed[i]!;
      const value = slot.word!(hex.slice(i * 64, i * 64 + 64));
      if (value === undefined) return false;
      values[slot.position] = value;
    }
    return true;
  }

  // decodeEventLog's strict data path, errors included.
  private viemDataValues(data: Hex, values: JsonValue[]): void {
    if (!data || data === '0x') {
      throw new DecodeLogDataMismatch({
        abiItem: this.event,
        data: '0x',
        params: this.nonIndexedParams,
        size: 0,
      });
    }
    let decoded: readonly unknown[];
    try {
      decoded = decodeAbiParameters(this.nonIndexedParams, data);
    } catch (error) {
      if (isDataSizeError(error)) {
        throw new DecodeLogDataMismatch({
          abiItem: this.event,
          data,
          params: this.nonIndexedParams,
          size: size(data),
        });
      }
      throw error;
    }
    for (let i = 0; i < this.nonIndexed.length; i++)
      values[this.nonIndexed[i]!.position] = jsonSafeOf(decoded[i]);
  }

  // viem's key order: by position when unnamed; else indexed inputs first, then data inputs.
  private recordOf(values: readonly JsonValue[]): Record<string, JsonValue> {
    const record: Record<string, JsonValue> = {};
    if (this.unnamed) {
      for (let i = 0; i < values.length; i++) record[this.event.inputs[i]!.name || String(i)] = values[i]!;
      return record;
    }
    for (const slot of this.indexed) record[slot.input.name!] = values[slot.position]!;
    for (const slot of this.nonIndexed) record[slot.input.name!] = values[slot.position]!;
    return record;
  }
}

interface Slot {
  readonly input: AbiParameter & { readonly indexed?: boolean };
  readonly position: number;
  /** Set for static elementary types. */
  readonly word: WordDecoder | undefined;
  /** An indexed string, bytes, tuple or array: the topic holds its hash, not the value. */
  readonly topicIsHash: boolean;
}

const HEX_DIGITS = /^[0-9a-f]*$/;

function slotOf(input: AbiParameter & { indexed?: boolean }, position: number): Slot {
  const { type } = input;
  return {
    input,
    position,
    word: wordDecoderOf(type),
    topicIsHash: type === 'string' || type === 'bytes' || type === 'tuple' || /^(.*)\[(\d+)?\]$/.test(type),
  };
}

// What decodeEventLog turns into DecodeLogDataMismatch; PositionOutOfBoundsError is not exported by viem.
function isDataSizeError(error: unknown): boolean {
  return (
    error instanceof AbiDecodingDataSizeTooSmallError ||
    (error instanceof Error && error.name === 'PositionOutOfBoundsError')
  );
}
