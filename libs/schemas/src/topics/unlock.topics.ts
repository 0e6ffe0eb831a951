import { z } from 'zod';
import { hexAddressSchema, isoTimeSchema } from '../json-value';
import { defineTopic } from '../topic';

/** A wallet met an unlock's requirements. `provisional` until the deciding blocks are confirmed. */
export const unlockAchievedTopic = defineTopic({
  name: 'unlock.achieved.v1',
  keyDescription: 'wallet address (lowercase)',
  keyOf: (d) => d.wallet.toLowerCase(),
  schema: z.object({
    wallet: hexAddressSchema,
    unlockId: z.string().min(1),
    unlockVersion: z.number().int().positive(),
    achievedAt: isoTimeSchema,
    provisional: z.boolean(),
  }),
});

/** A provisional unlock taken back, e.g. because the block that decided it was orphaned. */
export const unlockRevokedTopic = defineTopic({
  name: 'unlock.revoked.v1',
  keyDescription: 'wallet address (lowercase)',
  keyOf: (d) => d.wallet.toLowerCase(),
  schema: z.object({
    wallet: hexAddressSchema,
    unlockId: z.string().min(1),
    unlockVersion: z.number().int().positive(),
    revokedAt: isoTimeSchema,
    reason: z.string().min(1),
  }),
});

/** A wallet's projected profile changed; `fields` names what changed. */
export const profileUpdatedTopic = defineTopic({
  name: 'profile.updated.v1',
  keyDescription: 'wallet address (lowercase)',
  keyOf: (d) => d.wallet.toLowerCase(),
  schema: z.object({
    wallet: hexAddressSchema,
    fields: z.array(z.string().min(1)).min(1),
    confirmed: z.boolean(),
  }),
});
