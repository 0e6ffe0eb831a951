import { createEnvelope, type Envelope, type TopicData, topics } from '@convergence/schemas';

export type AuthFailureAlert = Envelope<TopicData<typeof topics.alertsRaw>>;

/**
 * The alert raised when one address (a wallet, or an IP) failed to authenticate more than
 * `threshold` times within the last hour. It ends an hour after it starts unless raised again.
 */
export function authFailureAlert(input: {
  kind: 'wallet' | 'ip';
  address: string;
  failures: number;
  threshold: number;
  now: Date;
}): AuthFailureAlert {
  return createEnvelope(topics.alertsRaw, {
    source: 'api-gateway',
    time: input.now,
    data: {
      labels: {
        alertname: 'GatewayAuthFailures',
        service: 'api-gateway',
        severity: 'warning',
        [input.kind]: input.address,
      },
      annotations: {
        summary: `${input.failures} failed sign-ins within an hour from ${input.kind} ${input.address}`,
        description: `More than ${input.threshold} authentication failures an hour from one ${input.kind}: credential stuffing or a broken client.`,
      },
      startsAt: input.now.toISOString(),
      endsAt: new Date(input.now.getTime() + 3_600_000).toISOString(),
    },
  });
}

/** Whether this failure is the one that crosses the threshold (so one alert per crossing, not per failure). */
export function crossesThreshold(failuresInHour: number, threshold: number): boolean {
  return failuresInHour === threshold + 1;
}
