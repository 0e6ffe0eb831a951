// Test fixture: chain.solana.tx.v1 envelopes exactly as the chain-indexer's Solana side publishes an
// SPL Token transfer (apps/chain-indexer/src/solana: spl-transfer.decoder, solana-tx-events.util,
// solana-event-id.util, solana-tx.publisher) — no validator runs here, so the engine is fed these.
import { randomBytes } from 'node:crypto';
import { type Envelope, type TopicData, createEnvelope, topics } from '@convergence/schemas';

export type SolanaTxEnvelope = Envelope<TopicData<typeof topics.chainSolanaTx>>;

export const TOKEN_PROGRAM_ID = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 of random bytes: 32 for a public key (wallet, mint, token account), 64 for a signature. */
export function randomBase58(bytes: 32 | 64): string {
  const data = randomBytes(bytes);
  data[0] = data[0]! | 1; // no leading zero byte, so the text has the usual length
  let value = BigInt(`0x${data.toString('hex')}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)]! + text;
    value /= 58n;
  }
  return text;
}

/** One SPL transfer: who owns the source and destination token accounts, what moved, where. */
export interface SplTransferSpec {
  readonly cluster: string;
  readonly slot: bigint;
  readonly commitment: 'confirmed' | 'finalized';
  readonly mint: string;
  readonly amount: bigint;
  readonly sourceOwner: string | null;
  readonly destinationOwner: string | null;
  /** `transfer` (mint from the token balances) or `transferChecked` (mint in the accounts). */
  readonly name?: 'transfer' | 'transferChecked';
  readonly signature?: string;
  readonly instructionIndex?: number;
  /** Set for a CPI: the position among the instruction's inner instructions. */
  readonly innerInstructionIndex?: number;
  readonly blockTime?: Date;
}

/**
 * The envelope the indexer publishes for one SPL transfer: id `cluster:signature:i` (`…:i.j` for
 * an inner instruction), subject `programId:name`, time = block time, data with the decoded args.
 */
export function splTransferEnvelope(spec: SplTransferSpec): SolanaTxEnvelope {
  const signature = spec.signature ?? randomBase58(64);
  const instructionIndex = spec.instructionIndex ?? 0;
  const inner = spec.innerInstructionIndex;
  const name = spec.name ?? 'transfer';
  const blockTime = spec.blockTime ?? new Date();
  const path = inner === undefined ? `${instructionIndex}` : `${instructionIndex}.${inner}`;
  return createEnvelope(topics.chainSolanaTx, {
    id: `${spec.cluster}:${signature}:${path}`,
    source: 'chain-indexer',
    subject: `${TOKEN_PROGRAM_ID}:${name}`,
    time: blockTime,
    data: {
      cluster: spec.cluster,
      slot: spec.slot.toString(),
      blockTime: blockTime.toISOString(),
      signature,
      instructionIndex,
      innerInstructionIndex: inner ?? null,
      eventIndex: null,
      programId: TOKEN_PROGRAM_ID,
      kind: 'spl-transfer',
      name,
      args: {
        source: randomBase58(32),
        destination: randomBase58(32),
        authority: spec.sourceOwner ?? randomBase58(32),
        amount: spec.amount.toString(),
        mint: spec.mint,
        decimals: 6,
        sourceOwner: spec.sourceOwner,
        destinationOwner: spec.destinationOwner,
      },
      commitment: spec.commitment,
    },
  });
}

/** The same event as the indexer publishes it when it reads the transaction at another commitment. */
export function atCommitment(
  envelope: SolanaTxEnvelope,
  commitment: 'confirmed' | 'finalized',
): SolanaTxEnvelope {
  return createEnvelope(topics.chainSolanaTx, {
    id: envelope.id,
    source: envelope.source,
    subject: envelope.subject,
    time: new Date(envelope.time),
    data: { ...envelope.data, commitment },
  });
}
