import { BN } from '@coral-xyz/anchor';
import { Keypair, PublicKey } from '@solana/web3.js';
import { opinionMarketIdl } from '@convergence/contracts';
import {
  chainStateOf,
  decodeMarketAccount,
  encodeSettlementInstruction,
  marketAddressOf,
  opinionMarketCoder,
} from './solana-market.codec';

describe('opinion_market codec', () => {
  const programId = new PublicKey(opinionMarketIdl.address);

  it('derives the market PDA from the u64 little-endian id', () => {
    const id = Buffer.from([5, 0, 0, 0, 0, 0, 0, 0]);
    const [expected] = PublicKey.findProgramAddressSync([Buffer.from('market'), id], programId);
    expect(marketAddressOf(programId, 5n).equals(expected)).toBe(true);
    expect(marketAddressOf(programId, 6n).equals(expected)).toBe(false);
  });

  it('decodes a settled Market account into the state settlement reads', async () => {
    const [creator, staker, winner] = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
    const data = await opinionMarketCoder.accounts.encode('Market', {
      market_id: new BN(9),
      creator: creator.publicKey,
      statement: 'SOL above $300',
      closes_at: new BN(1_900_000_000),
      status: { Settled: {} },
      total_staked: new BN(70),
      sentiment_recorded: true,
      sentiment_score: 61,
      sentiment_confidence: 75,
      request_id: new BN(3),
      winner: winner.publicKey,
      stakes: [{ staker: staker.publicKey, amount: new BN(70), opinion_hash: Array<number>(32).fill(0xab) }],
      bump: 254,
    });
    const market = decodeMarketAccount(data);
    expect(market).toMatchObject({
      marketId: 9n,
      creator: creator.publicKey.toBase58(),
      statement: 'SOL above $300',
      stakes: [{ staker: staker.publicKey.toBase58(), amount: 70n, opinionHash: `0x${'ab'.repeat(32)}` }],
    });
    expect(chainStateOf(market)).toEqual({
      status: 'settled',
      closesAt: new Date(1_900_000_000_000),
      totalStaked: 70n,
      sentiment: { score: 61, confidence: 75 },
      requestId: '3',
      winner: winner.publicKey.toBase58(),
    });
  });

  it('rejects data that is not a Market account', () => {
    expect(() => decodeMarketAccount(Buffer.alloc(64))).toThrow();
  });

  it('encodes each settlement call as the IDL instruction, which the coder decodes back', () => {
    expect(
      opinionMarketCoder.instruction.decode(
        encodeSettlementInstruction('recordSentiment', { score: 61, confidence: 75 }),
      ),
    ).toEqual({
      name: 'record_sentiment',
      data: { score: 61, confidence: 75 },
    });
    expect(
      opinionMarketCoder.instruction.decode(encodeSettlementInstruction('requestRandomness'))?.name,
    ).toBe('request_randomness');
    expect(opinionMarketCoder.instruction.decode(encodeSettlementInstruction('settleLottery'))?.name).toBe(
      'settle',
    );
    expect(opinionMarketCoder.instruction.decode(encodeSettlementInstruction('closeMarket'))?.name).toBe(
      'close_market',
    );
  });
});
