import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1763769800000 implements MigrationInterface {
  name = 'Alerts1763769800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alerts" (
      "fingerprint" text NOT NULL,
      "labels" jsonb NOT NULL,
      "annotations" jsonb NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      "timeout" boolean NOT NULL,
      "generator_url" text,
      CONSTRAINT "alerts_pkey" PRIMARY KEY ("fingerprint"))`);
    await queryRunner.query(`CREATE INDEX "alerts_ends_at_idx" ON "alerts" ("ends_at")`);
    // Label queries (`labels @> '{"severity":"critical"}'`) use this; TypeORM cannot express a GIN index.
    await queryRunner.query(`CREATE INDEX "alerts_labels_idx" ON "alerts" USING gin ("labels")`);
    await queryRunner.query(`CREATE TABLE "alert_history" (
      "id" bigserial NOT NULL,
      "fingerprint" text NOT NULL,
      "labels" jsonb NOT NULL,
      "status" text NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "source" text NOT NULL,
      "recorded_at" timestamptz NOT NULL,
      CONSTRAINT "alert_history_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "alert_history_fingerprint_idx" ON "alert_history" ("fingerprint", "recorded_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "alert_history_recorded_at_idx" ON "alert_history" ("recorded_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alert_history"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
  }
}
