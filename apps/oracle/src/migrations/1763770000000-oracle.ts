import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Markets, stakes, opinions, chain cursors, settlement jobs, the LLM ledger and cache. */
export class Oracle1763770000000 implements MigrationInterface {
  name = 'Oracle1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "markets" (
      "chain_id" integer NOT NULL,
      "market_id" text NOT NULL,
      "contract" text NOT NULL,
      "creator" text NOT NULL,
      "statement" text NOT NULL,
      "closes_at" timestamptz NOT NULL,
      "status" text NOT NULL,
      "total_staked" numeric(78,0) NOT NULL,
      "winner" text,
      "created_block" bigint NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "markets_pkey" PRIMARY KEY ("chain_id", "market_id"))`);
    await queryRunner.query(
      `CREATE INDEX "markets_status_closes_at_idx" ON "markets" ("status", "closes_at")`,
    );
    await queryRunner.query(`CREATE TABLE "stakes" (
      "chain_id" integer NOT NULL,
      "tx_hash" text NOT NULL,
      "log_index" integer NOT NULL,
      "market_id" text NOT NULL,
      "staker" text NOT NULL,
      "amount" numeric(78,0) NOT NULL,
      "opinion_hash" text NOT NULL,
      "block_number" bigint NOT NULL,
      CONSTRAINT "stakes_pkey" PRIMARY KEY ("chain_id", "tx_hash", "log_index"))`);
    await queryRunner.query(`CREATE INDEX "stakes_market_idx" ON "stakes" ("chain_id", "market_id")`);
    await queryRunner.query(`CREATE INDEX "stakes_staker_idx" ON "stakes" ("staker")`);
    await queryRunner.query(`CREATE TABLE "opinions" (
      "chain_id" integer NOT NULL,
      "market_id" text NOT NULL,
      "staker" text NOT NULL,
      "opinion_hash" text NOT NULL,
      "text" text NOT NULL,
      "signature" text NOT NULL,
      "submitted_at" timestamptz NOT NULL,
      CONSTRAINT "opinions_pkey" PRIMARY KEY ("chain_id", "market_id", "staker", "opinion_hash"))`);
    await queryRunner.query(`CREATE TABLE "chain_cursors" (
      "chain_id" integer NOT NULL,
      "contract" text NOT NULL,
      "next_block" bigint NOT NULL,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "chain_cursors_pkey" PRIMARY KEY ("chain_id", "contract"))`);
    await queryRunner.query(`CREATE TABLE "settlement_jobs" (
      "chain_id" integer NOT NULL,
      "market_id" text NOT NULL,
      "state" text NOT NULL,
      "attempt" integer NOT NULL,
      "next_attempt_at" timestamptz NOT NULL,
      "lease_until" timestamptz,
      "queued_at" timestamptz NOT NULL,
      "updated_at" timestamptz NOT NULL,
      "settled_at" timestamptz,
      "failure_reason" text,
      "last_error" text,
      "analysis" jsonb,
      "vrf_request_id" text,
      "vrf_requested_at" timestamptz,
      "vrf_rerequests" integer NOT NULL,
      "winner" text,
      "tx_hashes" jsonb NOT NULL,
      "proposal" jsonb,
      CONSTRAINT "settlement_jobs_pkey" PRIMARY KEY ("chain_id", "market_id"))`);
    await queryRunner.query(
      `CREATE INDEX "settlement_jobs_due_idx" ON "settlement_jobs" ("state", "next_attempt_at")`,
    );
    await queryRunner.query(`CREATE TABLE "llm_calls" (
      "id" bigserial NOT NULL,
      "called_at" timestamptz NOT NULL,
      "purpose" text NOT NULL,
      "model" text NOT NULL,
      "input_tokens" integer NOT NULL,
      "output_tokens" integer NOT NULL,
      "cost_usd" numeric(14,6) NOT NULL,
      "latency_ms" integer NOT NULL,
      "outcome" text NOT NULL,
      "content_hash" text NOT NULL,
      "error" text,
      CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "llm_calls_called_at_idx" ON "llm_calls" ("called_at")`);
    await queryRunner.query(`CREATE TABLE "llm_cache" (
      "content_hash" text NOT NULL,
      "purpose" text NOT NULL,
      "model" text NOT NULL,
      "result" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL,
      "hits" integer NOT NULL,
      CONSTRAINT "llm_cache_pkey" PRIMARY KEY ("content_hash"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'llm_cache',
      'llm_calls',
      'settlement_jobs',
      'chain_cursors',
      'opinions',
      'stakes',
      'markets',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
