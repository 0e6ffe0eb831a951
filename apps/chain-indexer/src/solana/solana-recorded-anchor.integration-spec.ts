import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createKafkaClient } from '@convergence/messaging';
import { readTopicUntil } from '@convergence/messaging/testing';
import { type Envelope, type TopicData, parseEnvelope, topics } from '@convergence/schemas';
import { spawnService, waitForReady, type ServiceProcess } from '@convergence/service-kit/testing';
import { startRecordedRpcServer, type RecordedRpcServer } from './testing/recorded/recorded-rpc.server';
import {
  JUPITER_V6_PROGRAM,
  TENSORSWAP_PROGRAM,
  loadRecorded,
  loadAllRecorded,
  signatureOf,
} from './testing/recorded/recorded-transactions';
import { tensorswapExpectedEvents } from './testing/recorded/recorded-expectations';

type SolanaTxEnvelope = Envelope<TopicData<typeof topics.chainSolanaTx>>;

const {
  buySingleListing: buySingleListingEvent,
  buyNft: buyNftEvent,
  sellNftTradePool: sellNftTradePoolEvent,
} = tensorswapExpectedEvents;

// The recorded Jupiter route: 0.5 SOL (the fee payer's lamports fell by it plus the 62024 fee) for
// the tokens its account 2 received and Jupiter returned (`Program return: JUP6… G0diZwYAAAA=`).
const jupiterSwapEvent = {
  amm: '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8',
  inputMint: 'So11111111111111111111111111111111111111112',
  inputAmount: '500000000',
  outputMint: 'BUZFom1YPnAZVYSccbpddBmFYmHcS4Xtc3JQG5cFpump',
  outputAmount: '27504297755',
};

describe('chain-indexer Solana indexing of recorded mainnet Anchor events (real Kafka and Postgres)', () => {
  let rpc: RecordedRpcServer;
  let indexer: ServiceProcess | undefined;

  afterEach(async () => {
    await indexer?.stop();
    await rpc?.close();
  });

  it('publishes emit! and emit_cpi! events of real programs with their args, slots and signature + instruction ids', async () => {
    const cluster = `rec-${randomBytes(4).toString('hex')}`;
    rpc = await startRecordedRpcServer(loadAllRecorded());
    indexer = await spawnService('chain-indexer', {
      DATABASE_URL: await createWorkerDatabase(),
      DATABASE_SCHEMA: `sol_${randomBytes(4).toString('hex')}`,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `${cluster}.`,
      LOG_LEVEL: 'warn',
      SOLANA_CLUSTER: cluster,
      SOLANA_RPC_URLS: rpc.url,
      SOLANA_PROGRAMS: JSON.stringify([
        { name: 'tensorswap', programId: TENSORSWAP_PROGRAM, idl: 'tensorswap', commitment: 'finalized' },
        { name: 'jupiter', programId: JUPITER_V6_PROGRAM, idl: 'jupiter-v6', commitment: 'finalized' },
      ]),
      SOLANA_POLL_INTERVAL_MS: '100',
    });
    await waitForReady(indexer);

    const buySell = loadRecorded('buyThenSell');
    const buy = loadRecorded('buySingleListing');
    const route = loadRecorded('jupiterRoute');
    const [bs, b, j] = [signatureOf(buySell), signatureOf(buy), signatureOf(route)];
    // Per program, oldest transaction first; within one, as it happened (the logs say where each
    // event was logged among the CPIs). The tensorswap SPL ids are the recorded inner Token
    // `Transfer`s of the NFTs (data 03 01 00…: one token): the buy logs its event before moving the
    // NFT, the sell after. Jupiter's are the two legs of its Raydium swap, then its event CPI.
    const tensorswap = [
      `${cluster}:${bs}:2:event:0`,
      `${cluster}:${bs}:2.5`,
      `${cluster}:${bs}:3.3`,
      `${cluster}:${bs}:3:event:0`,
      `${cluster}:${b}:2:event:0`,
      `${cluster}:${b}:2.11`,
    ];
    const jupiter = [`${cluster}:${j}:5.1`, `${cluster}:${j}:5.2`, `${cluster}:${j}:5.3`];
    const expected = [...tensorswap, ...jupiter];

    const kafka = createKafkaClient({
      serviceName: 'solana-recorded-test',
      brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
      topicPartitions: 3,
      replicationFactor: 1,
    });
    let events: SolanaTxEnvelope[] = [];
    await readTopicUntil(
      kafka,
      topics.chainSolanaTx.name,
      (messages) => {
        events = messages
          .map(({ message }) => parseEnvelope(topics.chainSolanaTx, message.value))
          .filter((envelope) => envelope.data.cluster === cluster);
        return expected.every((id) => events.some((e) => e.id === id));
      },
      60_000,
    );

    // The two programs' loops publish independently: order is per program.
    const ofProgram = (ids: string[]) => events.map((e) => e.id).filter((id) => ids.includes(id));
    expect(events).toHaveLength(expected.length);
    expect(ofProgram(tensorswap)).toEqual(tensorswap);
    expect(ofProgram(jupiter)).toEqual(jupiter);
    const anchor = events
      .filter((e) => e.data.kind === 'anchor-event' && e.data.programId === TENSORSWAP_PROGRAM)
      .map((e) => e.data);
    const common = { cluster, programId: TENSORSWAP_PROGRAM, kind: 'anchor-event', name: 'BuySellEvent' };
    expect(anchor).toEqual([
      {
        ...common,
        slot: String(buySell.slot),
        blockTime: new Date(buySell.blockTime * 1_000).toISOString(),
        signature: bs,
        instructionIndex: 2,
        innerInstructionIndex: null,
        eventIndex: 0,
        args: buyNftEvent,
        commitment: 'finalized',
      },
      {
        ...common,
        slot: String(buySell.slot),
        blockTime: new Date(buySell.blockTime * 1_000).toISOString(),
        signature: bs,
        instructionIndex: 3,
        innerInstructionIndex: null,
        eventIndex: 0,
        args: sellNftTradePoolEvent,
        commitment: 'finalized',
      },
      {
        ...common,
        slot: String(buy.slot),
        blockTime: new Date(buy.blockTime * 1_000).toISOString(),
        signature: b,
        instructionIndex: 2,
        innerInstructionIndex: null,
        eventIndex: 0,
        args: buySingleListingEvent,
        commitment: 'finalized',
      },
    ]);

    expect(events.find((e) => e.id === `${cluster}:${j}:5.3`)?.data).toEqual({
      cluster,
      slot: String(route.slot),
      blockTime: new Date(route.blockTime * 1_000).toISOString(),
      signature: j,
      instructionIndex: 5,
      innerInstructionIndex: 3,
      eventIndex: null,
      programId: JUPITER_V6_PROGRAM,
      kind: 'anchor-event',
      name: 'SwapEvent',
      args: jupiterSwapEvent,
      commitment: 'finalized',
    });

    // It read them the way it reads any cluster: transactions in the json encoding, v0 allowed.
    const fetches = rpc.requests.filter((r) => r.method === 'getTransaction');
    expect(new Set(fetches.map((r) => r.params[0]))).toEqual(new Set([bs, b, j]));
    for (const { params } of fetches) {
      expect(params[1]).toMatchObject({ commitment: 'finalized', maxSupportedTransactionVersion: 0 });
      expect((params[1] as { encoding?: string }).encoding ?? 'json').toBe('json');
    }
  });
});
