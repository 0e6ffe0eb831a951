import { type DynamicModule, Module } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import type { Registry } from 'prom-client';
import { ChainsController } from '../admin/chains.controller';
import { loadChains } from '../chains/chains.loader';
import type { ChainIndexerEnv } from '../config/env';
import { ChainIndexerMetrics } from '../metrics/chain-indexer.metrics';
import { PublishingModule } from '../publishing/publishing.module';
import { EvmIndexingService } from './evm-indexing.service';
import { CHAIN_CONFIGS, CLOCK, INDEXER_ENV } from './indexing.tokens';

/** The EVM indexing loops, their metrics and the admin API. */
@Module({})
export class EvmIndexingModule {
  static register(env: ChainIndexerEnv): DynamicModule {
    return {
      module: EvmIndexingModule,
      imports: [PublishingModule],
      controllers: [ChainsController],
      providers: [
        { provide: INDEXER_ENV, useValue: env },
        // A bad chains file fails the boot here, naming the bad node.
        { provide: CHAIN_CONFIGS, useFactory: () => loadChains(env) },
        { provide: CLOCK, useValue: () => new Date() },
        {
          provide: ChainIndexerMetrics,
          useFactory: (r: Registry) => new ChainIndexerMetrics(r),
          inject: [METRICS_REGISTRY],
        },
        EvmIndexingService,
      ],
    };
  }
}
