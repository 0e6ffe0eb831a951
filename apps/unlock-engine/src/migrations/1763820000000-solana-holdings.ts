import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Solana holdings from chain.solana.tx.v1: every applied SPL transfer by event id (idempotency, and
 * while only `confirmed` its effects, for when a finalized slot covers it) and balances per owner
 * wallet and configured mint, with and without slots not yet finalized.
 */
export class SolanaHoldings1763820000000 implements MigrationInterface {
  name = 'SolanaHoldings1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "solana_events" (
      "event_id" text NOT NULL, "cluster" text NOT NULL, "slot" bigint NOT NULL, "signature" text NOT NULL,
      "confirmed" boolean NOT NULL, "effects" jsonb,
      CONSTRAINT "solana_events_pkey" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(
      `CREATE INDEX "solana_events_unconfirmed_idx" ON "solana_events" ("cluster", "slot") WHERE NOT confirmed`,
    );
    await queryRunner.query(`CREATE TABLE "solana_balances" (
      "owner" text NOT NULL, "mint" text NOT NULL, "amount" numeric(78,0) NOT NULL,
      "confirmed_amount" numeric(78,0) NOT NULL,
      CONSTRAINT "solana_balances_pkey" PRIMARY KEY ("owner", "mint"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "solana_balances"`);
    await queryRunner.query(`DROP TABLE "solana_events"`);
  }
}
