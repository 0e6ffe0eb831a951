import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dispatcher's state: notification log, notification audit, acknowledgements, escalations. */
export class Dispatcher1763770000000 implements MigrationInterface {
  name = 'Dispatcher1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_log" (
      "group_key" text NOT NULL,
      "receiver" text NOT NULL,
      "integration" text NOT NULL,
      "idx" integer NOT NULL,
      "firing" text array NOT NULL,
      "resolved" text array NOT NULL,
      "notified_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      CONSTRAINT "notification_log_pkey" PRIMARY KEY ("group_key", "receiver", "integration", "idx"))`);
    await queryRunner.query(
      `CREATE INDEX "notification_log_expires_at_idx" ON "notification_log" ("expires_at")`,
    );
    await queryRunner.query(`CREATE TABLE "notifications" (
      "id" bigserial NOT NULL,
      "kind" text NOT NULL,
      "group_key" text NOT NULL,
      "receiver" text NOT NULL,
      "integration" text NOT NULL,
      "idx" integer NOT NULL,
      "reason" text NOT NULL,
      "status" text NOT NULL,
      "outcome" text NOT NULL,
      "attempts" integer NOT NULL,
      "http_status" integer,
      "error" text,
      "fingerprints" text array NOT NULL,
      "group_labels" jsonb NOT NULL,
      "common_labels" jsonb NOT NULL,
      "sent_at" timestamptz NOT NULL,
      CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notifications_sent_at_idx" ON "notifications" ("sent_at")`);
    await queryRunner.query(
      `CREATE INDEX "notifications_group_key_idx" ON "notifications" ("group_key", "sent_at")`,
    );
    // Label and fingerprint queries of the audit (`@>`, `= ANY`); TypeORM cannot express GIN indexes.
    await queryRunner.query(
      `CREATE INDEX "notifications_common_labels_idx" ON "notifications" USING gin ("common_labels")`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_fingerprints_idx" ON "notifications" USING gin ("fingerprints")`,
    );
    await queryRunner.query(`CREATE TABLE "acknowledgements" (
      "id" uuid NOT NULL,
      "group_key" text NOT NULL,
      "fingerprints" text array NOT NULL,
      "acked_by" text NOT NULL,
      "comment" text NOT NULL,
      "source" text NOT NULL,
      "acked_at" timestamptz NOT NULL,
      CONSTRAINT "acknowledgements_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "acknowledgements_group_key_idx" ON "acknowledgements" ("group_key", "acked_at")`,
    );
    await queryRunner.query(`CREATE TABLE "escalations" (
      "group_key" text NOT NULL,
      "policy" text NOT NULL,
      "receiver" text NOT NULL,
      "state" text NOT NULL,
      "step" integer NOT NULL,
      "round" integer NOT NULL,
      "next_at" timestamptz,
      "notified_receivers" text array NOT NULL,
      "started_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "escalations_pkey" PRIMARY KEY ("group_key"))`);
    await queryRunner.query(
      `CREATE INDEX "escalations_active_idx" ON "escalations" ("next_at") WHERE state = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "escalations"`);
    await queryRunner.query(`DROP TABLE "acknowledgements"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_log"`);
  }
}
