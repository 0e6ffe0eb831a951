import { z } from 'zod';
import { type DeliveryTimer, systemDeliveryTimer } from './delivery-timer';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.util';

/** Nest token of the resolved ReceiverDeliveryOptions. */
export const RECEIVER_DELIVERY_OPTIONS = Symbol('RECEIVER_DELIVERY_OPTIONS');

/** How ReceiverDelivery retries and tells time; every field has a production default. */
export interface ReceiverDeliveryOptions {
  retry: RetryPolicy;
  timer: DeliveryTimer;
  /** Jitter source in [0, 1); tests pass a constant. */
  random: () => number;
}

/** What ReceiversModule.forRoot accepts: any subset, the rest defaulted. */
export interface ReceiverDeliveryOptionsInput {
  retry?: Partial<RetryPolicy>;
  timer?: DeliveryTimer;
  random?: () => number;
}

/** Options with defaults filled in. */
export function receiverDeliveryOptionsOf(input: ReceiverDeliveryOptionsInput = {}): ReceiverDeliveryOptions {
  return {
    retry: { ...DEFAULT_RETRY_POLICY, ...input.retry },
    timer: input.timer ?? systemDeliveryTimer,
    random: input.random ?? Math.random,
  };
}

const positiveMs = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

/**
 * The receivers' environment variables (documented in .env.example), for config/env.ts to
 * `.extend()` its schema with; `retryPolicyFromEnv` turns the parsed values into a RetryPolicy.
 */
export const receiverEnvShape = {
  RECEIVER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETRY_POLICY.maxAttempts),
  RECEIVER_INITIAL_BACKOFF_MS: positiveMs(DEFAULT_RETRY_POLICY.initialBackoffMs),
  RECEIVER_MAX_BACKOFF_MS: positiveMs(DEFAULT_RETRY_POLICY.maxBackoffMs),
  RECEIVER_MAX_RETRY_TIME_MS: positiveMs(DEFAULT_RETRY_POLICY.maxTotalMs),
  RECEIVER_REQUEST_TIMEOUT_MS: positiveMs(DEFAULT_RETRY_POLICY.requestTimeoutMs),
};

export type ReceiverEnv = z.infer<z.ZodObject<typeof receiverEnvShape>>;

/** The RetryPolicy the env asks for. */
export function retryPolicyFromEnv(env: ReceiverEnv): RetryPolicy {
  return {
    maxAttempts: env.RECEIVER_MAX_ATTEMPTS,
    initialBackoffMs: env.RECEIVER_INITIAL_BACKOFF_MS,
    maxBackoffMs: env.RECEIVER_MAX_BACKOFF_MS,
    maxTotalMs: env.RECEIVER_MAX_RETRY_TIME_MS,
    requestTimeoutMs: env.RECEIVER_REQUEST_TIMEOUT_MS,
  };
}
