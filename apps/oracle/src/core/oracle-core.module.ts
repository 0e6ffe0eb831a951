import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AlertService } from '../alerts/alert.service';
import { EVM_CLIENTS, MARKET_CONTRACTS } from '../chain/chain.tokens';
import { readMarketContracts, type MarketContracts } from '../chain/contracts-file';
import { createEvmClients, type EvmClients } from '../chain/evm-clients';
import { EvmMarketAdapter } from '../chain/evm-market.adapter';
import { MARKET_CHAIN_ADAPTER } from '../chain/market-chain.adapter';
import { CLOCK } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { FaultInjector } from '../fault/fault-injector';
import { OracleMetrics } from '../metrics/oracle.metrics';

/** What every oracle capability shares: config, logger, clock, metrics, alerts and the chain. */
@Global()
@Module({})
export class OracleCoreModule {
  static register(env: OracleEnv, logger: Logger): DynamicModule {
    const providers = [
      { provide: ORACLE_ENV, useValue: env },
      { provide: ORACLE_LOGGER, useValue: logger },
      { provide: CLOCK, useValue: () => new Date() },
      {
        provide: MARKET_CONTRACTS,
        useFactory: () => readMarketContracts(env.CONTRACTS_FILE, env.EVM_CHAIN_ID),
      },
      {
        provide: EVM_CLIENTS,
        useFactory: () =>
          createEvmClients({
            rpcUrl: env.EVM_RPC_URL,
            chainId: env.EVM_CHAIN_ID,
            privateKey: env.ORACLE_PRIVATE_KEY,
            pollingIntervalMs: env.EVM_RECEIPT_POLL_MS,
          }),
      },
      {
        provide: MARKET_CHAIN_ADAPTER,
        useFactory: (clients: EvmClients, contracts: MarketContracts) =>
          new EvmMarketAdapter(clients, contracts),
        inject: [EVM_CLIENTS, MARKET_CONTRACTS],
      },
      OracleMetrics,
      AlertService,
      FaultInjector,
    ];
    return {
      module: OracleCoreModule,
      providers,
      exports: providers.map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
