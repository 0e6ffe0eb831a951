import { describeKafka } from './probe-kafka';
import { startKafka, type KafkaHandle, type StartKafkaOptions } from './start-kafka';

/** Splits a `KAFKA_BROKERS` value ("host:port,host:port") into broker addresses. */
export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

/**
 * Uses the brokers in `KAFKA_BROKERS` when that variable is set (checking that one answers; nothing is started
 * and stop() does nothing), otherwise starts a local broker with `options`.
 */
export async function useOrStartKafka(
  options: StartKafkaOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<KafkaHandle & { external: boolean }> {
  const configured = env['KAFKA_BROKERS']?.trim();
  if (!configured) return { ...(await startKafka(options)), external: false };
  const brokers = parseBrokers(configured);
  await checkExternalKafka(configured, brokers);
  return { brokers, logFile: '', external: true, stop: async () => undefined };
}

async function checkExternalKafka(configured: string, brokers: string[], attempts = 3): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await describeKafka(brokers, 3_000);
      return;
    } catch (error) {
      lastError = error;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(
    `KAFKA_BROKERS=${configured} is set but no broker answers at ${brokers.join(', ')}${reason}. ` +
      'Start that broker, or unset KAFKA_BROKERS to let the dev stack run its own.',
    { cause: lastError },
  );
}
