import { type DynamicModule, Module } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import type { Registry } from 'prom-client';
import type { ChainIndexerEnv } from '../config/env';
import { SolanaIndexingService } from './indexing/solana-indexing.service';
import { SOLANA_CLOCK, SOLANA_ENV } from './indexing/solana-indexing.tokens';
import { SolanaAlertPublisher } from './publishing/solana-alert.publisher';
import { SolanaTxPublisher } from './publishing/solana-tx.publisher';
import { SolanaMetrics } from './solana.metrics';
import { SolanaController } from './status/solana.controller';

/** The Solana indexing loops (one per program in SOLANA_PROGRAMS), their metrics, alerts and admin API. */
@Module({})
export class SolanaModule {
  static register(env: ChainIndexerEnv): DynamicModule {
    return {
      module: SolanaModule,
      controllers: [SolanaController],
      providers: [
        { provide: SOLANA_ENV, useValue: env },
        { provide: SOLANA_CLOCK, useValue: () => new Date() },
        {
          provide: SolanaMetrics,
          useFactory: (r: Registry) => new SolanaMetrics(r),
          inject: [METRICS_REGISTRY],
        },
        SolanaTxPublisher,
        SolanaAlertPublisher,
        SolanaIndexingService,
      ],
    };
  }
}
