import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The backbone's tables (idempotency and outbox), created in the service's own schema. */
export class MessagingTables1763769600000 implements MigrationInterface {
  name = 'MessagingTables1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE TABLE "${s}"."processed_events" (
      "consumer_group" text NOT NULL,
      "event_id" text NOT NULL,
      "event_type" text NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer_group", "event_id"))`);
    await queryRunner.query(
      `CREATE INDEX "processed_events_processed_at_idx" ON "${s}"."processed_events" ("processed_at")`,
    );
    await queryRunner.query(`CREATE TABLE "${s}"."outbox" (
      "id" bigserial NOT NULL,
      "topic" text NOT NULL,
      "message_key" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "headers" jsonb NOT NULL,
      "batch_no" bigint,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz,
      CONSTRAINT "outbox_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "${s}"."outbox" ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`CREATE SEQUENCE "${s}"."outbox_batch_seq"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP SEQUENCE "${s}"."outbox_batch_seq"`);
    await queryRunner.query(`DROP TABLE "${s}"."outbox"`);
    await queryRunner.query(`DROP TABLE "${s}"."processed_events"`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
}
