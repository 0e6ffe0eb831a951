import { z } from 'zod';
import {
  hexAddressSchema,
  hexHashSchema,
  isoTimeSchema,
  jsonValueSchema,
  uintStringSchema,
} from '../json-value';
import { defineTopic } from '../topic';

const blockRefSchema = z.object({ number: uintStringSchema, hash: hexHashSchema });

/** A decoded EVM contract log. Keyed by chain so a consumer sees one chain's logs (and its reorgs) in order. */
export const chainEvmLogTopic = defineTopic({
  name: 'chain.evm.log.v1',
  keyDescription: 'chainId',
  keyOf: (d) => String(d.chainId),
  schema: z.object({
    chainId: z.number().int().positive(),
    blockNumber: uintStringSchema,
    blockHash: hexHashSchema,
    blockTime: isoTimeSchema,
    txHash: hexHashSchema,
    logIndex: z.number().int().nonnegative(),
    address: hexAddressSchema,
    contract: z.string().min(1),
    eventName: z.string().min(1),
    args: z.record(z.string(), jsonValueSchema),
    confirmed: z.boolean(),
  }),
});

/** Blocks the indexer had published that are no longer on the canonical chain. */
export const chainEvmReorgTopic = defineTopic({
  name: 'chain.evm.reorg.v1',
  keyDescription: 'chainId',
  keyOf: (d) => String(d.chainId),
  schema: z.object({
    chainId: z.number().int().positive(),
    orphanedBlocks: z.array(blockRefSchema).min(1),
    commonAncestor: blockRefSchema,
    newHead: blockRefSchema,
    depth: z.number().int().positive(),
  }),
});

/**
 * A decoded Solana instruction (SPL token transfer or Anchor event) of a watched program. Envelope id:
 * `cluster:signature:i` (top-level), `…:i.j` (inner instruction j), `…:i:event:n` (n-th logged event).
 */
export const chainSolanaTxTopic = defineTopic({
  name: 'chain.solana.tx.v1',
  keyDescription: 'cluster',
  keyOf: (d) => d.cluster,
  schema: z.object({
    cluster: z.string().min(1),
    slot: uintStringSchema,
    blockTime: isoTimeSchema.nullable(),
    signature: z.string().min(32).max(128),
    instructionIndex: z.number().int().nonnegative(),
    /** Which inner (CPI) instruction of `instructionIndex` this is; null for the top-level instruction itself. */
    innerInstructionIndex: z.number().int().nonnegative().nullable().default(null),
    /** For an Anchor event logged under `instructionIndex`: its position among that instruction's events. */
    eventIndex: z.number().int().nonnegative().nullable().default(null),
    programId: z.string().min(32).max(64),
    kind: z.enum(['spl-transfer', 'anchor-event']),
    name: z.string().min(1),
    args: z.record(z.string(), jsonValueSchema),
    commitment: z.enum(['confirmed', 'finalized']),
  }),
});
