import type { Envelope } from '@convergence/schemas';
import { z } from 'zod';
import type { Role } from '../routes/route.model';

/** Topics pushed to WebSocket clients, each as an event of the same name. */
export const liveTopics = [
  'unlock.achieved.v1',
  'unlock.revoked.v1',
  'profile.updated.v1',
  'oracle.interpretation.v1',
  'oracle.settlement.v1',
  'alerts.notification.v1',
] as const;
export type LiveTopic = (typeof liveTopics)[number];

/** Topics only operators may follow. */
const operatorTopics: readonly string[] = ['alerts.notification.v1'];

/** What a client may ask for: one wallet, one market (`chainId:marketId`), or a whole topic. */
export const subscriptionSchema = z.union([
  z
    .object({ wallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed 20-byte hex address') })
    .strict(),
  z.object({ market: z.string().regex(/^\d+:[A-Za-z0-9._:-]{1,128}$/, 'must be chainId:marketId') }).strict(),
  z.object({ topic: z.enum(liveTopics) }).strict(),
]);
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The room a subscription joins, or why the caller may not join it. */
export function roomOf(subscription: Subscription, role: Role): { room: string } | { error: string } {
  if ('wallet' in subscription) return { room: `wallet:${subscription.wallet.toLowerCase()}` };
  if ('market' in subscription) return { room: `market:${subscription.market}` };
  if (operatorTopics.includes(subscription.topic) && role === 'viewer') {
    return { error: `topic ${subscription.topic} needs an operator token` };
  }
  return { room: `topic:${subscription.topic}` };
}

/** The rooms an event is pushed to: its topic's room, and its wallet's or market's. */
export function roomsOfEvent(topic: LiveTopic, envelope: Envelope<Record<string, unknown>>): string[] {
  const data = envelope.data;
  const rooms = [`topic:${topic}`];
  if (typeof data['wallet'] === 'string') rooms.push(`wallet:${data['wallet'].toLowerCase()}`);
  if (typeof data['chainId'] === 'number' && typeof data['marketId'] === 'string') {
    rooms.push(`market:${data['chainId']}:${data['marketId']}`);
  }
  return rooms;
}
