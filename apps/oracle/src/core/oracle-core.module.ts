import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AlertService } from '../alerts/alert.service';
import { EVM_CLIENTS, EVM_TRANSACTIONS, MARKET_CONTRACTS } from '../chain/chain.tokens';
import { readMarketContracts, type MarketContracts } from '../chain/contracts-file';
import { createEvmClients, type EvmClients } from '../chain/evm-clients';
import { EvmMarketAdapter } from '../chain/evm-market.adapter';
import { MARKET_CHAIN_ADAPTER, type MarketChainAdapter } from '../chain/market-chain.adapter';
import { TransactionTracker } from '../chain/transaction-tracker';
import { CLOCK, type Clock } from '../config/clock';
import { evmChainNameOf, type OracleEnv } from '../config/env';
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
        provide: EVM_TRANSACTIONS,
        useFactory: (metrics: OracleMetrics, clock: Clock) =>
          new TransactionTracker(evmChainNameOf(env), metrics, clock),
        inject: [OracleMetrics, CLOCK],
      },
      {
        provide: MARKET_CHAIN_ADAPTER,
        useFactory: async (
          clients: EvmClients,
          contracts: MarketContracts,
          transactions: TransactionTracker,
          metrics: OracleMetrics,
          clock: Clock,
        ): Promise<MarketChainAdapter> => {
          if (env.SETTLEMENT_CHAIN === 'evm') return new EvmMarketAdapter(clients, contracts, transactions);
          // web3.js and Anchor load only when settling on Solana (they add seconds to every boot otherwise).
          const { createSolanaMarketAdapter } = await import('../chain/solana/solana-clients');
          return createSolanaMarketAdapter(
            env,
            new TransactionTracker(env.SOLANA_CLUSTER_NAME, metrics, clock),
          );
        },
        inject: [EVM_CLIENTS, MARKET_CONTRACTS, EVM_TRANSACTIONS, OracleMetrics, CLOCK],
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
