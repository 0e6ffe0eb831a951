import { Client } from 'pg';

/** Reads an oracle's schema directly (what tests assert on: jobs, the outbox, the ledger). */
export class OracleDb {
  private readonly client: Client;

  constructor(
    databaseUrl: string,
    private readonly schema: string,
  ) {
    this.client = new Client({ connectionString: databaseUrl });
  }

  async connect(): Promise<this> {
    await this.client.connect();
    return this;
  }

  end(): Promise<void> {
    return this.client.end();
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.client.query(`SET search_path TO "${this.schema}"`);
    return (await this.client.query(sql, params)).rows as T[];
  }

  async job(marketId: bigint): Promise<
    | {
        state: string;
        analysis: Record<string, unknown> | null;
        failure_reason: string | null;
        vrf_rerequests: number;
        proposal: Record<string, string> | null;
      }
    | undefined
  > {
    const [row] = await this.query<{
      state: string;
      analysis: Record<string, unknown> | null;
      failure_reason: string | null;
      vrf_rerequests: number;
      proposal: Record<string, string> | null;
    }>(`SELECT * FROM settlement_jobs WHERE market_id = $1`, [marketId.toString()]);
    return row;
  }

  /** The oracle.settlement.v1 states enqueued for a market, in order. */
  async settlementStates(marketId: bigint): Promise<string[]> {
    const rows = await this.query<{ state: string }>(
      `SELECT envelope->'data'->>'state' AS state FROM outbox
        WHERE topic = 'oracle.settlement.v1' AND envelope->'data'->>'marketId' = $1 ORDER BY id`,
      [marketId.toString()],
    );
    return rows.map((r) => r.state);
  }

  async outboxData(topic: string): Promise<Array<Record<string, unknown>>> {
    const rows = await this.query<{ data: Record<string, unknown> }>(
      `SELECT envelope->'data' AS data FROM outbox WHERE topic = $1 ORDER BY id`,
      [topic],
    );
    return rows.map((r) => r.data);
  }

  async alertNames(): Promise<string[]> {
    return (await this.outboxData('alerts.raw.v1')).map(
      (d) => (d['labels'] as Record<string, string>)['alertname']!,
    );
  }

  async ledger(): Promise<
    Array<{
      outcome: string;
      input_tokens: number;
      output_tokens: number;
      cost_usd: string;
      purpose: string;
      error: string | null;
    }>
  > {
    return this.query(
      `SELECT outcome, input_tokens, output_tokens, cost_usd, purpose, error FROM llm_calls ORDER BY id`,
    );
  }
}
