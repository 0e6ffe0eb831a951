import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Silences1763769900000 implements MigrationInterface {
  name = 'Silences1763769900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "silences" (
      "id" text NOT NULL,
      "matchers" jsonb NOT NULL,
      "starts_at" timestamptz NOT NULL,
      "ends_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      "created_by" text NOT NULL,
      "comment" text NOT NULL,
      CONSTRAINT "silences_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "silences_ends_at_idx" ON "silences" ("ends_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "silences"`);
  }
}
