import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Re-index requests (their target head, for progress) and the metric samples behind the weekly report. */
export class Operations1763790000000 implements MigrationInterface {
  name = 'Operations1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reindex_requests" (
      "id" BIGSERIAL NOT NULL,
      "chain_id" integer NOT NULL,
      "from_block" text NOT NULL,
      "target_block" text,
      "requested_by" text NOT NULL,
      "requested_at" timestamptz NOT NULL,
      CONSTRAINT "reindex_requests_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "reindex_requests_chain_at_idx" ON "reindex_requests" ("chain_id", "requested_at")`,
    );
    await queryRunner.query(`CREATE TABLE "metric_samples" (
      "id" BIGSERIAL NOT NULL,
      "source" text NOT NULL,
      "sampled_at" timestamptz NOT NULL,
      "up" boolean NOT NULL,
      "process_start" timestamptz,
      "series" jsonb NOT NULL,
      CONSTRAINT "metric_samples_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "metric_samples_source_at_idx" ON "metric_samples" ("source", "sampled_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_samples"`);
    await queryRunner.query(`DROP TABLE "reindex_requests"`);
  }
}
