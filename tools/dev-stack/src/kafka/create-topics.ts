import { Kafka, logLevel } from 'kafkajs';

export interface TopicLayout {
  partitions: number;
  replicationFactor: number;
}

/**
 * Creates those of `names` that do not exist yet on `brokers` and waits for their leaders; resolves the names
 * it created. Safe against a concurrent creator: all of them existing afterwards is success.
 */
export async function createMissingTopics(
  brokers: string[],
  names: string[],
  layout: TopicLayout,
): Promise<string[]> {
  const kafka = new Kafka({ clientId: 'dev-stack-topics', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(names)].filter((name) => !existing.has(name));
    if (!missing.length) return [];
    await admin
      .createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      })
      .catch(async (error: unknown) => {
        // Someone else may have created some of them meanwhile: fine if they all exist now.
        const now = new Set(await admin.listTopics());
        if (!missing.every((name) => now.has(name))) throw error;
      });
    return missing;
  } catch (error) {
    throw new Error(`Could not create Kafka topics on ${brokers.join(', ')}`, { cause: error });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
