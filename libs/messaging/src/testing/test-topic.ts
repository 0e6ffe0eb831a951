import { randomBytes } from 'node:crypto';
import { defineTopic } from '@convergence/schemas';
import { z } from 'zod';

/** A fresh topic per test so tests sharing one broker never read each other's messages. */
export function testTopic(prefix = 'test') {
  return defineTopic({
    name: `${prefix}.t${randomBytes(4).toString('hex')}.v1`,
    keyDescription: 'item id',
    keyOf: (d) => d.itemId,
    schema: z.object({ itemId: z.string().min(1), count: z.number().int().nonnegative() }),
  });
}
