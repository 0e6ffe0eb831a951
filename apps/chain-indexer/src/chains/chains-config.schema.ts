import { contractNames } from '@convergence/contracts';
import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import type { ChainConfig } from './chain-config.model';

const addressSchema = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), 'must be a 0x-prefixed 20-byte address')
  .transform((value) => getAddress(value) as Address);

const blockNumberSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'must be a block number')])
  .transform((value) => BigInt(value));

const addressEntrySchema = z.union([
  addressSchema.transform((address) => ({ address, startBlock: undefined })),
  z.object({ address: addressSchema, startBlock: blockNumberSchema.optional() }).strict(),
]);

const sourceSchema = z
  .object({
    contract: z.enum(contractNames, {
      errorMap: () => ({ message: `must be one of ${contractNames.join(', ')}` }),
    }),
    /** Each entry: an address, or `{ address, startBlock }` to override the source's start block. */
    addresses: z.array(addressEntrySchema).min(1, 'needs at least one address'),
    startBlock: blockNumberSchema.default(0),
  })
  .strict();

const chainSchema = z
  .object({
    chainId: z.number().int().positive(),
    name: z.string().min(1),
    rpcUrls: z.array(z.string().url('must be an http(s) URL')).min(1, 'needs at least one RPC URL'),
    confirmations: z.number().int().nonnegative().default(0),
    finalityDepth: z.number().int().positive().default(64),
    sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  })
  .strict();

/**
 * The chains file (YAML or JSON): strict, so a misspelt key is an error, not silently ignored.
 * Addresses are checksummed; a source's `startBlock` applies to its addresses that set none.
 */
export const chainsFileSchema = z
  .object({ chains: z.array(chainSchema).min(1, 'needs at least one chain') })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<number>();
    file.chains.forEach((chain, i) => {
      if (seen.has(chain.chainId)) {
        ctx.addIssue({ code: 'custom', path: ['chains', i, 'chainId'], message: 'appears twice' });
      }
      seen.add(chain.chainId);
    });
  })
  .transform((file): ChainConfig[] =>
    file.chains.map((chain) => ({
      ...chain,
      sources: chain.sources.map((source) => ({
        contract: source.contract,
        addresses: source.addresses.map((entry) => ({
          address: entry.address,
          startBlock: entry.startBlock ?? source.startBlock,
        })),
      })),
    })),
  );
