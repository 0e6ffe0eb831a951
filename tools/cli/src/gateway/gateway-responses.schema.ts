import { z } from 'zod';

// Every answer the CLI reads from the gateway, in one place: when the operator API changes shape,
// the parse fails here with the path of the field, not somewhere in a command.

const upDown = z.enum(['up', 'down']);

/** `GET /health`: the status board (apps/api-gateway status-board). */
export const healthBoardSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checkedAt: z.string(),
  gateway: z.record(upDown),
  services: z.record(
    z.object({
      ready: upDown,
      latencyMs: z.number(),
      error: z.string().optional(),
      status: z.unknown().optional(),
    }),
  ),
});
export type HealthBoard = z.infer<typeof healthBoardSchema>;

/** A multisig transaction to propose (multisig mode): what a Safe owner submits. */
const proposalSchema = z
  .object({ to: z.string(), data: z.string(), value: z.string(), summary: z.string() })
  .passthrough();
export type Proposal = z.infer<typeof proposalSchema>;

/** `GET /api/operator/contracts`: the contracts with their paused() state, and the operations mode. */
export const contractListSchema = z.object({
  chainId: z.number().int(),
  mode: z.string(),
  multisig: z.string().optional(),
  contracts: z.array(z.object({ name: z.string(), address: z.string(), paused: z.boolean() }).passthrough()),
});
export type ContractList = z.infer<typeof contractListSchema>;

/** `POST /api/admin/contracts/pause|unpause`. */
export const pauseResultSchema = z.object({
  chainId: z.number().int().optional(),
  mode: z.string(),
  multisig: z.string().optional(),
  /** False when some contract of `all` failed (its `error` says why). */
  complete: z.boolean().optional(),
  results: z.array(
    z
      .object({
        contract: z.string(),
        address: z.string(),
        txHash: z.string().optional(),
        proposal: proposalSchema.optional(),
        paused: z.boolean(),
        skipped: z.string().optional(),
        error: z.object({ code: z.string(), detail: z.string() }).optional(),
      })
      .passthrough(),
  ),
});
export type PauseResult = z.infer<typeof pauseResultSchema>;

/** `POST /api/admin/roles/grant|revoke`. */
export const roleChangeSchema = z
  .object({
    mode: z.string(),
    txHash: z.string().optional(),
    proposal: proposalSchema.optional(),
    hasRole: z.boolean(),
  })
  .passthrough();
export type RoleChange = z.infer<typeof roleChangeSchema>;

/** `GET /api/operator/roles/check`. */
export const roleCheckSchema = z.object({ hasRole: z.boolean() }).passthrough();
export type RoleCheck = z.infer<typeof roleCheckSchema>;

const blockNumber = z
  .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((v) => BigInt(v));

/** `GET /api/operator/indexer/chains/:chainId`: the chain-indexer's ChainStatusDto. */
export const chainStatusSchema = z
  .object({
    chainId: z.number().int(),
    head: blockNumber.nullable(),
    indexedBlock: blockNumber.nullable(),
    halted: z.object({ reason: z.string(), at: z.string() }).nullable().optional(),
  })
  .passthrough();
export type ChainStatus = z.infer<typeof chainStatusSchema>;

/** `POST /api/operator/indexer/reindex` (202): the chain's status with the head the gateway recorded as target. */
export const reindexAcceptedSchema = z
  .object({
    reindex: z.object({ targetBlock: blockNumber.nullable() }).passthrough().nullable().optional(),
  })
  .passthrough();

/** `GET /api/operator/dlq/:topic`: libs/messaging's DeadLetter. */
export const deadLettersSchema = z.array(
  z
    .object({
      partition: z.number().int(),
      offset: z.string(),
      key: z.string().nullable(),
      error: z.string().nullable(),
      errorName: z.string().nullable(),
      originalTopic: z.string(),
      failedAt: z.string().nullable(),
      eventId: z.string().optional(),
      eventType: z.string().optional(),
    })
    .passthrough(),
);
export type DeadLetters = z.infer<typeof deadLettersSchema>;

/** `POST /api/operator/dlq/:topic/replay`. */
export const replayResultSchema = z.object({ replayed: z.number().int() });

const apiKeyViewSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
  scopes: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

/** `POST /api/admin/api-keys` (201): the only answer that carries the key. */
export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string().min(1) });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

/** `GET /api/admin/api-keys`. */
export const apiKeyListSchema = z.array(apiKeyViewSchema);
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

/** `GET /api/operator/reports/weekly?format=json`: checked for being a JSON object, printed as is. */
export const weeklyReportJsonSchema = z.record(z.unknown());

/** An RFC 9457 problem, as the gateway's ProblemDetailsFilter writes it. */
export const problemSchema = z
  .object({
    type: z.string().optional(),
    title: z.string().optional(),
    status: z.number().optional(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export type Problem = z.infer<typeof problemSchema>;
