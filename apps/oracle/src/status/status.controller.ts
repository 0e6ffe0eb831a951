import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MARKET_CONTRACTS } from '../chain/chain.tokens';
import type { MarketContracts } from '../chain/contracts-file';
import { MARKET_CHAIN_ADAPTER, type MarketChainAdapter } from '../chain/market-chain.adapter';
import { MarketLogSync } from '../chain/market-log-sync.service';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV } from '../config/tokens';
import { LlmClient } from '../llm/llm-client';
import { SettlementWorker } from '../settlement/settlement-worker.service';

/** GET /status: the oracle at a glance — chain sync, settlement counts, LLM mode. */
@Controller('status')
export class StatusController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sync: MarketLogSync,
    private readonly worker: SettlementWorker,
    private readonly llm: LlmClient,
    @Inject(MARKET_CHAIN_ADAPTER) private readonly chain: MarketChainAdapter,
    @Inject(MARKET_CONTRACTS) private readonly contracts: MarketContracts,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
  ) {}

  @Get()
  async status() {
    const rows = (await this.dataSource.query(
      `SELECT state, count(*)::int AS n FROM settlement_jobs GROUP BY state`,
    )) as Array<{ state: string; n: number }>;
    return {
      settlementMode: this.env.SETTLEMENT_MODE,
      ...(this.env.SETTLEMENT_MODE === 'multisig' ? { multisig: this.env.SETTLEMENT_MULTISIG_ADDRESS } : {}),
      chain: {
        chainId: this.contracts.chainId,
        opinionMarket: this.contracts.opinionMarket.address,
        vrfCoordinator: this.contracts.vrfCoordinator.address,
        signer: this.chain.signer,
        ...this.sync.progress(),
      },
      settlements: {
        byState: Object.fromEntries(rows.map((r) => [r.state, r.n])),
        inFlight: this.worker.inFlightCount(),
        maxInFlight: this.env.SETTLEMENT_MAX_IN_FLIGHT,
      },
      llm: {
        configured: this.llm.configured,
        model: this.llm.model,
        mode: this.llm.configured ? 'claude' : 'fallback',
      },
    };
  }
}
