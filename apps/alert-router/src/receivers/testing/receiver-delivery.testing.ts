import { Test } from '@nestjs/testing';
import { METRICS_REGISTRY, MetricsModule } from '@convergence/telemetry';
import type { Registry } from 'prom-client';
import type { ReceiverDeliveryOptionsInput } from '../receiver-delivery.options';
import { ReceiverDelivery } from '../receiver-delivery.service';
import { ReceiversModule } from '../receivers.module';
import { RecordingTimer } from './recording-timer';

/**
 * ReceiverDelivery as the app wires it (ReceiversModule on the service metrics registry), with a
 * RecordingTimer and no jitter so the recorded backoff is exact.
 */
export async function startReceiverDelivery(options: ReceiverDeliveryOptionsInput = {}) {
  const timer = new RecordingTimer();
  const moduleRef = await Test.createTestingModule({
    imports: [
      MetricsModule.forRoot({ serviceName: 'alert-router' }),
      ReceiversModule.forRoot({
        timer,
        random: () => 1,
        ...options,
        retry: {
          maxAttempts: 4,
          initialBackoffMs: 100,
          maxBackoffMs: 1_000,
          maxTotalMs: 30_000,
          ...options.retry,
        },
      }),
    ],
  }).compile();
  return {
    delivery: moduleRef.get(ReceiverDelivery),
    registry: moduleRef.get<Registry>(METRICS_REGISTRY),
    timer,
    close: () => moduleRef.close(),
  };
}

/**
 * A counter's value for the given labels, 0 when never incremented; for a histogram pass its
 * `_count` or `_sum` series as `series`.
 */
export async function metricValue(
  registry: Registry,
  name: string,
  labels: Record<string, string>,
  series = name,
): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  const sample = metric?.values.find(
    (value) =>
      ((value as { metricName?: string }).metricName ?? name) === series &&
      Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected),
  );
  return sample?.value ?? 0;
}
