import type { ReadinessCheck } from '@convergence/telemetry';
import type { Admin, Kafka } from 'kafkajs';

/** Ready when a broker answers a metadata request. */
export class KafkaReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';
  private admin?: Admin;

  constructor(private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
    try {
      await this.admin.connect();
      await this.admin.describeCluster();
    } catch (error) {
      const admin = this.admin;
      this.admin = undefined;
      await admin.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect();
  }
}
