import { Kafka, logLevel } from 'kafkajs';

/** One attempt: connects a kafkajs admin to `brokers` and runs describeCluster. Resolves the broker count. */
export async function describeKafka(brokers: string[], timeoutMs = 3_000): Promise<number> {
  const kafka = new Kafka({
    clientId: 'dev-stack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface WaitForKafkaOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Checked between attempts; throw from it to stop waiting early (e.g. the broker process died). */
  abortCheck?: () => void;
}

/** Retries describeKafka until it works or `timeoutMs` passes; rejects with the last connection error as cause. */
export async function waitForKafka(brokers: string[], options: WaitForKafkaOptions = {}): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 250, abortCheck } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    abortCheck?.();
    try {
      await describeKafka(brokers, Math.min(3_000, Math.max(500, deadline - Date.now())));
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`No Kafka broker answered at ${brokers.join(', ')} within ${timeoutMs} ms`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
