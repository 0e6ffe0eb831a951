import { contractAbis } from '@convergence/contracts';
import {
  type Abi,
  type AbiEvent,
  type AbiParameter,
  type Address,
  encodeAbiParameters,
  type Hex,
  keccak256,
  parseAbi,
  toEventSelector,
  toHex,
} from 'viem';
import { decodeEvmLogWithViem } from '../testing/viem-log-decoder';
import type { AbisByAddress } from './contract-abi.util';
import { decodeEvmLog, type RawEvmLog } from './evm-log-decoding.util';

// Seeded, so a failure names a case that reproduces.
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const bytes = (n: number): Hex =>
    `0x${Array.from({ length: n }, () => int(256).toString(16).padStart(2, '0')).join('')}`;
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { int, bytes, pick };
}
type Random = ReturnType<typeof randomSource>;

/** A value of an ABI type, edge values (0, max, min, empty) often. */
function valueOf(param: AbiParameter, random: Random): unknown {
  const { type } = param;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const length = array[2] ? Number(array[2]) : random.int(4);
    return Array.from({ length }, () => valueOf({ ...param, type: array[1]! }, random));
  }
  if (type === 'tuple') {
    const components = (param as { components: readonly AbiParameter[] }).components;
    const values = components.map((c) => valueOf(c, random));
    return components.some((c) => !c.name)
      ? values
      : Object.fromEntries(components.map((c, i) => [c.name, values[i]]));
  }
  if (type === 'address') return random.bytes(20);
  if (type === 'bool') return random.int(2) === 1;
  if (type === 'string') return random.pick(['', 'a', 'héllo ✓ wörld', 'x'.repeat(70)]);
  if (type === 'bytes') return random.bytes(random.pick([0, 1, 31, 32, 33, 70]));
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return random.bytes(Number(fixed[1]));
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const bits = BigInt(integer[2] || 256);
    const random64 = BigInt(random.bytes(8));
    const signed = integer[1] === '';
    const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const min = signed ? -max - 1n : 0n;
    const candidates = [
      0n,
      1n,
      -1n,
      max,
      min,
      max >> 1n,
      2n ** 52n - 1n,
      2n ** 52n,
      2n ** 53n + 1n,
      -(2n ** 52n),
    ];
    const inRange = candidates.filter((v) => v >= min && v <= max);
    return random.int(3) === 0
      ? (random64 & max) * (signed && random.int(2) ? -1n : 1n)
      : random.pick(inRange);
  }
  throw new Error(`no generator for ${type}`);
}

const isHashedWhenIndexed = (type: string) =>
  type === 'string' || type === 'bytes' || type === 'tuple' || type.endsWith(']');

/** A well-formed log of `event` with random args. */
function logOf(event: AbiEvent, address: Address, random: Random): RawEvmLog {
  const topics: Hex[] = [toEventSelector(event)];
  for (const input of event.inputs.filter((i) => i.indexed)) {
    topics.push(
      isHashedWhenIndexed(input.type)
        ? keccak256(random.bytes(40))
        : encodeAbiParameters([input], [valueOf(input, random)]),
    );
  }
  const dataInputs = event.inputs.filter((i) => !i.indexed);
  const data = encodeAbiParameters(
    dataInputs,
    dataInputs.map((input) => valueOf(input, random)),
  );
  return { address, topics, data };
}

/** The ways a log goes wrong or comes oddly spelled on the wire. */
function variantsOf(log: RawEvmLog, random: Random): RawEvmLog[] {
  const body = log.data.slice(2);
  const word = (hex: string, i: number, replace: (w: string) => string) =>
    hex.slice(0, i * 64) + replace(hex.slice(i * 64, i * 64 + 64)) + hex.slice(i * 64 + 64);
  const words = Math.floor(body.length / 64);
  const dirtyWord = random.int(Math.max(words, 1));
  return [
    log,
    { ...log, data: `0x${body.toUpperCase()}` as Hex },
    { ...log, topics: log.topics.map((t) => `0x${t.slice(2).toUpperCase()}` as Hex) },
    { ...log, data: `0x${body}${'00'.repeat(32)}` as Hex },
    { ...log, data: `0x${body.slice(0, -2)}` as Hex },
    { ...log, data: `0x${body.slice(0, -64)}` as Hex },
    { ...log, data: `0x${body.slice(0, 30)}` as Hex },
    { ...log, data: `0x${body}0` as Hex },
    { ...log, data: '0x' },
    { ...log, data: `0x${body.slice(0, -1)}z` as Hex },
    // High bytes set in a word: an address keeps its low 20 bytes, a bool is refused, a uint8 is read whole.
    { ...log, data: `0x${word(body, dirtyWord, (w) => `ff${w.slice(2)}`)}` as Hex },
    { ...log, data: `0x${word(body, dirtyWord, (w) => `${w.slice(0, 63)}2`)}` as Hex },
    ...log.topics.slice(1).map((_, i) => ({
      ...log,
      topics: log.topics.map((t, j) => (j === i + 1 ? (`0x${'ff'.repeat(12)}${t.slice(26)}` as Hex) : t)),
    })),
    ...log.topics.slice(1).map((_, i) => ({
      ...log,
      topics: log.topics.map((t, j) => (j === i + 1 ? (`${t.slice(0, 65)}2` as Hex) : t)),
    })),
    { ...log, topics: log.topics.slice(0, -1) },
    { ...log, topics: [...log.topics, keccak256(toHex('surplus'))] },
    { ...log, topics: [keccak256(toHex('Mystery(uint256)')), ...log.topics.slice(1)] },
    { ...log, topics: [] },
  ];
}

function expectSameDecoding(log: RawEvmLog, abis: AbisByAddress, what: string): void {
  const fast = decodeEvmLog(log, abis);
  const viem = decodeEvmLogWithViem(log, abis);
  // JSON text too: the same keys in the same order, numbers where viem gives numbers.
  expect({ what, log, json: JSON.stringify(fast) }).toEqual({ what, log, json: JSON.stringify(viem) });
  expect(fast).toEqual(viem);
}

const anonymousEvent: AbiEvent = {
  type: 'event',
  name: 'Anon',
  anonymous: true,
  inputs: [
    { name: 'who', type: 'address', indexed: true },
    { name: 'amount', type: 'uint256', indexed: false },
  ],
};

const custom: Abi = [
  ...parseAbi([
    'struct Leg { address venue; uint256[] amounts; }',
    'struct Order { uint64 id; Leg[] legs; bytes memo; }',
    'event OrderPlaced(string indexed tag, Order order, bool urgent)',
    'event Widths(uint8 a, uint48 b, uint56 c, int8 d, int48 e, int56 f, int256 g, uint24 h, int24 indexed i)',
    'event FixedBytes(bytes1 a, bytes7 b, bytes32 indexed c, bytes16 d)',
    'event Unnamed(address indexed, uint256, bool flag, int32)',
    'event IndexedComposites(uint256[] indexed ids, bytes indexed raw, (uint8 a, bool b) indexed pair, uint256[2] fixedIds)',
    'event Empty()',
    'event StaticTuple((address a, uint16 b) pair, uint256[3] triple)',
  ]),
  anonymousEvent,
];

const abis: AbisByAddress = new Map([
  ...Object.entries(contractAbis).map(
    ([contract, abi], i) =>
      [`0x${(i + 1).toString(16).padStart(40, '0')}`, { contract, abi: abi as Abi }] as const,
  ),
  [`0x${'ee'.repeat(20)}`, { contract: 'Custom', abi: custom }],
]);

describe('decodeEvmLog (fast) against viem decodeEventLog', () => {
  const random = randomSource(20_261_122);

  for (const [address, { contract, abi }] of abis) {
    const events = abi.filter((item): item is AbiEvent => item.type === 'event');
    it(`decodes every ${contract} event as viem does, well-formed or not (${events.length} events)`, () => {
      for (const event of events) {
        for (let sample = 0; sample < 8; sample++) {
          const log = logOf(event, address as Address, random);
          for (const [v, variant] of variantsOf(log, random).entries()) {
            expectSameDecoding(variant, abis, `${contract}.${event.name} sample ${sample} variant ${v}`);
          }
        }
      }
    });
  }

  it('treats an anonymous event, an unknown address and an unknown topic0 as viem does', () => {
    const address = `0x${'ee'.repeat(20)}` as Address;
    const log = logOf(anonymousEvent, address, random);
    // An anonymous event has no selector: its first topic is its first indexed arg.
    for (const topics of [log.topics.slice(1), log.topics, []]) {
      expectSameDecoding({ ...log, topics }, abis, 'anonymous');
    }
    expect(decodeEvmLog({ ...log, topics: log.topics.slice(1) }, abis)).toMatchObject({
      kind: 'undecodable',
      reason: 'unknown-event',
    });
    expectSameDecoding({ ...log, address: `0x${'ab'.repeat(20)}` }, abis, 'unknown address');
  });
});
