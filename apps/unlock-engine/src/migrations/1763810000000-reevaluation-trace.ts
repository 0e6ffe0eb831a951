import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A re-evaluation job remembers the trace context of the definition change that asked for it, so the
 * achievements it publishes (and what other services do with them) stay in that request's trace.
 */
export class ReevaluationTrace1763810000000 implements MigrationInterface {
  name = 'ReevaluationTrace1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reevaluation_jobs" ADD COLUMN "trace_headers" jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reevaluation_jobs" DROP COLUMN "trace_headers"`);
  }
}
