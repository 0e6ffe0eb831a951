import { jupiterV6Idl, tensorswapIdl } from '@convergence/contracts';
import { BorshCoder, EventParser, type Idl, utils } from '@coral-xyz/anchor';
import { Connection, PublicKey, type VersionedTransactionResponse } from '@solana/web3.js';
import { startRecordedRpcServer, type RecordedRpcServer } from '../testing/recorded/recorded-rpc.server';
import {
  JUPITER_V6_PROGRAM,
  TENSORSWAP_PROGRAM,
  accountKeysOf,
  loadAllRecorded,
  loadRecorded,
  signatureOf,
} from '../testing/recorded/recorded-transactions';
import { AnchorEventDecoder } from './anchor-event.decoder';
import { solanaTxEventsOf } from './solana-tx-events.util';
import { solanaTxViewOf } from './solana-tx-view.util';
import { tensorswapExpectedEvents } from '../testing/recorded/recorded-expectations';

const idl = tensorswapIdl as unknown as Idl;

const {
  buySingleListing: buySingleListingEvent,
  buyNft: buyNftEvent,
  sellNftTradePool: sellNftTradePoolEvent,
} = tensorswapExpectedEvents;

describe('AnchorEventDecoder on recorded mainnet transactions', () => {
  let rpc: RecordedRpcServer;
  let connection: Connection;
  // Fetched the way the indexer fetches: web3.js over JSON-RPC, so its own parser builds the response.
  const fetchView = async (signature: string) => {
    const response = await connection.getTransaction(signature, {
      commitment: 'finalized',
      maxSupportedTransactionVersion: 0,
    });
    return solanaTxViewOf(response as VersionedTransactionResponse);
  };

  beforeAll(async () => {
    rpc = await startRecordedRpcServer(loadAllRecorded());
    connection = new Connection(rpc.url, 'finalized');
  });
  afterAll(() => rpc.close());

  it("decodes the BuySellEvent a buy_single_listing logged, in instruction 2, as tensor-common's tests state", async () => {
    const tx = loadRecorded('buySingleListing');
    const view = await fetchView(signatureOf(tx));
    expect(new AnchorEventDecoder(TENSORSWAP_PROGRAM, idl).decode(view)).toEqual({
      undecodable: 0,
      events: [
        {
          position: { instructionIndex: 2, eventIndex: 0 },
          programId: TENSORSWAP_PROGRAM,
          name: 'BuySellEvent',
          args: buySingleListingEvent,
          // Logged once the associated-token-account creation's five CPIs (ATA, Token, System,
          // Token, Token: the first five `invoke [2|3]` lines) had run, before the rest.
          innerBefore: 5,
        },
      ],
    });
  });

  it('decodes one BuySellEvent per instruction when a transaction buys then sells', async () => {
    const tx = loadRecorded('buyThenSell');
    const { events, undecodable } = new AnchorEventDecoder(TENSORSWAP_PROGRAM, idl).decode(
      await fetchView(signatureOf(tx)),
    );
    expect(undecodable).toBe(0);
    expect(events.map((e) => [e.position, e.name, e.args])).toEqual([
      [{ instructionIndex: 2, eventIndex: 0 }, 'BuySellEvent', buyNftEvent],
      [{ instructionIndex: 3, eventIndex: 0 }, 'BuySellEvent', sellNftTradePoolEvent],
    ]);
  });

  it("finds exactly the events Anchor's own EventParser finds in the same logs", async () => {
    const parser = new EventParser(new PublicKey(TENSORSWAP_PROGRAM), new BorshCoder(idl));
    for (const tx of [loadRecorded('buySingleListing'), loadRecorded('buyThenSell')]) {
      const ours = new AnchorEventDecoder(TENSORSWAP_PROGRAM, idl).decode(await fetchView(signatureOf(tx)));
      const anchors = [...parser.parseLogs([...tx.meta.logMessages])].map((e) => ({
        name: e.name,
        args: Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, String(v)])),
      }));
      expect(anchors.length).toBeGreaterThan(0);
      expect(ours.events.map((e) => ({ name: e.name, args: e.args }))).toEqual(anchors);
    }
  });

  it("ignores another program's events: the same transactions hold none for the token program", async () => {
    const tx = loadRecorded('buyThenSell');
    const decoder = new AnchorEventDecoder('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', idl);
    expect(decoder.decode(await fetchView(signatureOf(tx)))).toEqual({ events: [], undecodable: 0 });
  });

  it('gives the events ids from signature + instruction index, beside the real NFT transfers', async () => {
    const tx = loadRecorded('buySingleListing');
    const signature = signatureOf(tx);
    const { events } = solanaTxEventsOf(await fetchView(signature), {
      cluster: 'mainnet',
      commitment: 'finalized',
      anchor: new AnchorEventDecoder(TENSORSWAP_PROGRAM, idl),
    });
    // The escrow → buyer move of the NFT, as the recorded token balances say: account 4 held it
    // before (owner 4zdN…), account 8 holds it after (owner 9iQZ…, the fee payer).
    const pre = tx.meta.preTokenBalances![0]!;
    const post = tx.meta.postTokenBalances![0]!;
    const keys = tx.message.accountKeys;
    // In the order they happened: the event was logged before the NFT moved (inner instruction 11).
    expect(events.map((e) => [e.id, e.data.kind, e.data.name])).toEqual([
      [`mainnet:${signature}:2:event:0`, 'anchor-event', 'BuySellEvent'],
      [`mainnet:${signature}:2.11`, 'spl-transfer', 'transfer'],
    ]);
    expect(events[1]?.data.args).toMatchObject({
      amount: '1',
      mint: pre.mint,
      source: keys[pre.accountIndex],
      destination: keys[post.accountIndex],
      sourceOwner: pre.owner,
      destinationOwner: post.owner,
    });
    expect(events[0]?.data).toMatchObject({
      slot: String(tx.slot),
      blockTime: new Date(tx.blockTime * 1_000).toISOString(),
      signature,
      programId: TENSORSWAP_PROGRAM,
      instructionIndex: 2,
      innerInstructionIndex: null,
      eventIndex: 0,
      args: buySingleListingEvent,
    });
  });

  it('orders events as they happened: the buy logs before moving its NFT, the sell after', async () => {
    const tx = loadRecorded('buyThenSell');
    const sig = signatureOf(tx);
    const { events } = solanaTxEventsOf(await fetchView(sig), {
      cluster: 'mainnet',
      commitment: 'finalized',
      anchor: new AnchorEventDecoder(TENSORSWAP_PROGRAM, idl),
    });
    // In the logs, instruction 2's `Program data:` line precedes its NFT `Transfer` (inner 5) and
    // instruction 3's follows its own (inner 3).
    expect(events.map((e) => e.id)).toEqual([
      `mainnet:${sig}:2:event:0`,
      `mainnet:${sig}:2.5`,
      `mainnet:${sig}:3.3`,
      `mainnet:${sig}:3:event:0`,
    ]);
  });

  describe('emit_cpi! events: a recorded Jupiter v6 route', () => {
    const jupiter = jupiterV6Idl as unknown as Idl;
    const tx = loadRecorded('jupiterRoute');
    const keys = accountKeysOf(tx);
    const balance = (list: 'pre' | 'post', index: number) =>
      (list === 'pre' ? tx.meta.preTokenBalances : tx.meta.postTokenBalances)!.find(
        (b) => b.accountIndex === index,
      )!;

    it('decodes the SwapEvent of the self-CPI, with what the recorded balances and logs say was swapped', async () => {
      // Independent of the decoder: the fee payer's lamports fell by the SOL put in plus the fee; the
      // token account 2 it owns went from 0 to the tokens out, which Jupiter's route also returned
      // (`Program return: JUP6… <u64 LE>`); Raydium's AMM v4 (a lookup-table key) did the swap.
      const lamportsIn =
        (tx.meta['preBalances'] as number[])[0]! -
        (tx.meta['postBalances'] as number[])[0]! -
        (tx.meta['fee'] as number);
      const returned = tx.meta.logMessages.find((l) =>
        l.startsWith(`Program return: ${JUPITER_V6_PROGRAM} `),
      )!;
      const tokensOut = Buffer.from(returned.split(' ').at(-1)!, 'base64').readBigUInt64LE(0);
      expect(balance('pre', 2).uiTokenAmount.amount).toBe('0');
      expect(balance('post', 2).uiTokenAmount.amount).toBe(tokensOut.toString());
      expect(keys).toContain('675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8');

      const view = await fetchView(signatureOf(tx));
      expect(new AnchorEventDecoder(JUPITER_V6_PROGRAM, jupiter).decode(view)).toEqual({
        undecodable: 0,
        events: [
          {
            position: { instructionIndex: 5, innerIndex: 3 },
            programId: JUPITER_V6_PROGRAM,
            name: 'SwapEvent',
            args: {
              amm: '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8',
              inputMint: 'So11111111111111111111111111111111111111112',
              inputAmount: String(lamportsIn),
              outputMint: balance('post', 2).mint,
              outputAmount: tokensOut.toString(),
            },
          },
        ],
      });
    });

    it("agrees with Anchor's own event coder on the inner instruction's data", async () => {
      const inner = (
        tx.meta['innerInstructions'] as { index: number; instructions: { data: string }[] }[]
      ).find((group) => group.index === 5)!.instructions[3]!;
      const data = utils.bytes.bs58.decode(inner.data);
      const anchors = new BorshCoder(jupiter).events.decode(
        Buffer.from(data.subarray(8)).toString('base64'),
      )!;
      const ours = new AnchorEventDecoder(JUPITER_V6_PROGRAM, jupiter).decode(
        await fetchView(signatureOf(tx)),
      );
      expect(ours.events[0]?.args).toEqual(
        Object.fromEntries(Object.entries(anchors.data).map(([k, v]) => [k, String(v)])),
      );
    });

    it('gives the event the id of its inner instruction, after the two token transfers of the swap', async () => {
      const { events } = solanaTxEventsOf(await fetchView(signatureOf(tx)), {
        cluster: 'mainnet',
        commitment: 'finalized',
        anchor: new AnchorEventDecoder(JUPITER_V6_PROGRAM, jupiter),
      });
      const sig = signatureOf(tx);
      expect(events.map((e) => [e.id, e.data.kind, e.data.name])).toEqual([
        [`mainnet:${sig}:5.1`, 'spl-transfer', 'transfer'],
        [`mainnet:${sig}:5.2`, 'spl-transfer', 'transfer'],
        [`mainnet:${sig}:5.3`, 'anchor-event', 'SwapEvent'],
      ]);
      // The two legs, as the recorded balances move: SOL into the pool (account 12 up by the input),
      // tokens out of the pool (account 11 down by the output).
      const delta = (index: number) =>
        BigInt(balance('post', index).uiTokenAmount.amount) -
        BigInt(balance('pre', index).uiTokenAmount.amount);
      expect(events[0]?.data.args).toMatchObject({ destination: keys[12], amount: String(delta(12)) });
      expect(events[1]?.data.args).toMatchObject({ source: keys[11], amount: String(-delta(11)) });
    });
  });
});
