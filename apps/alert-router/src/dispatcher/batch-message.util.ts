import type { Alert } from '../alerts/alert.model';
import type { FlushBatch } from '../grouping/aggregation-group.machine';
import type { WebhookMessage } from '../receivers';
import { webhookMessageOf } from './webhook-message.util';

// Keyed by the batch's alerts array: an aggregation group hands out the same array again only for
// flushes of the same group content at moments when every alert has the same status, which is all
// the message depends on besides the external URL.
const known = new WeakMap<readonly Alert[], WebhookMessage>();

/**
 * The webhook message about all of a batch's alerts (`webhookMessageOf`), remembered with the
 * batch's alerts array: the message a group's notification was prepared with ahead of its flush
 * moment is the one the flush sends (and the receivers' bodies prepared for it are found again).
 *
 * @example
 * const message = batchMessageOf(group.prepare(dueAt)!, config.externalUrl);
 */
export function batchMessageOf(batch: FlushBatch, externalUrl: string): WebhookMessage {
  const remembered = known.get(batch.alerts);
  if (remembered?.externalURL === externalUrl) return remembered;
  const message = webhookMessageOf(batch, externalUrl, batch.flushedAt);
  known.set(batch.alerts, message);
  return message;
}
