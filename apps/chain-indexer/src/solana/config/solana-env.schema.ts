import { solanaIdlNames, type SolanaIdlName } from '@convergence/contracts';
import { base58ByteLength } from '@convergence/schemas';
import { z } from 'zod';
import type { SolanaProgramConfig } from './solana-program.model';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const base58Bytes = (length: number, what: string) =>
  z.string().refine((value) => base58ByteLength(value) === length, `must be a base58 ${what}`);

const programSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, - and _ only'),
    programId: base58Bytes(32, 'public key'),
    idl: z
      .enum(solanaIdlNames as [SolanaIdlName, ...SolanaIdlName[]], {
        errorMap: () => ({ message: `must be one of ${solanaIdlNames.join(', ')}` }),
      })
      .optional(),
    commitment: z.enum(['confirmed', 'finalized']).default('finalized'),
    startSignature: base58Bytes(64, 'transaction signature').optional(),
    startSlot: z.number().int().nonnegative().default(0),
  })
  .strict()
  .refine((p) => p.startSignature === undefined || p.startSlot === 0, {
    message: 'set startSignature or startSlot, not both',
  });

/** `SOLANA_PROGRAMS`: a JSON array of programs; names and program ids must be unique. */
export const solanaProgramsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of programs' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(programSchema).superRefine((programs, ctx) => {
      for (const key of ['name', 'programId'] as const) {
        const seen = new Set<string>();
        programs.forEach((p, i) => {
          if (seen.has(p[key])) ctx.addIssue({ code: 'custom', path: [i, key], message: 'appears twice' });
          seen.add(p[key]);
        });
      }
    }),
  )
  .transform((programs): SolanaProgramConfig[] =>
    programs.map((p) => ({
      name: p.name,
      programId: p.programId,
      idl: p.idl,
      commitment: p.commitment,
      startSignature: p.startSignature,
      startSlot: BigInt(p.startSlot),
    })),
  );

const urlList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^https?:\/\/[^\s/]+/, 'each must be an http(s) URL')));

/**
 * The Solana half of chain-indexer's environment (merged into config/env.ts). No programs: the
 * Solana indexer stays off and needs no RPC URL.
 */
export const solanaEnvShape = {
  /** Cluster name: the Kafka key of chain.solana.tx.v1 and the first part of event ids. */
  SOLANA_CLUSTER: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and - only')
    .default('localnet'),
  /** RPC endpoints in priority order (comma-separated); the first healthy one is used. */
  SOLANA_RPC_URLS: urlList.default(''),
  SOLANA_PROGRAMS: solanaProgramsSchema.default('[]'),
  /** Pause between polls once caught up. */
  SOLANA_POLL_INTERVAL_MS: positiveInt(1_000),
  /** Signatures per getSignaturesForAddress page (1..1000). */
  SOLANA_SIGNATURE_PAGE_SIZE: z.coerce.number().int().min(1).max(1_000).default(1_000),
  /** Signatures published and checkpointed together. */
  SOLANA_BATCH_SIZE: positiveInt(100),
  /** getTransaction calls in flight per program. */
  SOLANA_TX_CONCURRENCY: positiveInt(8),
  /** One RPC call slower than this is aborted and counts as a timeout. */
  SOLANA_RPC_TIMEOUT_MS: positiveInt(5_000),
  /** How long after its last call a tripped endpoint gets a probe (then fails back after 3 good ones). */
  SOLANA_RPC_PROBE_INTERVAL_MS: positiveInt(30_000),
  /** Alert when a program's indexed slot is more than this many slots behind the head (150 ≈ 1 min). */
  SOLANA_LAG_ALERT_SLOTS: positiveInt(150),
  /** Alert when a program's indexed slot has not moved for this long. */
  SOLANA_STALL_ALERT_MS: positiveInt(120_000),
};

/** Cross-field rule: programs need somewhere to read them from. */
export function checkSolanaEnv(
  env: { SOLANA_PROGRAMS: SolanaProgramConfig[]; SOLANA_RPC_URLS: string[] },
  ctx: z.RefinementCtx,
): void {
  if (env.SOLANA_PROGRAMS.length > 0 && env.SOLANA_RPC_URLS.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['SOLANA_RPC_URLS'],
      message: 'needs at least one URL when SOLANA_PROGRAMS lists programs',
    });
  }
}
