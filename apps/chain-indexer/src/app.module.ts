import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { SERVICE_NAME, type ChainIndexerEnv } from './config/env';
import { EvmIndexingModule } from './indexing/evm-indexing.module';
import { entities, migrations } from './migrations';
import { PublishingModule } from './publishing/publishing.module';
import { SolanaModule } from './solana/solana.module';

/** Follows EVM and Solana chains and publishes decoded contract events (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: ChainIndexerEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [topics.chainEvmLog, topics.chainEvmReorg, topics.chainSolanaTx, topics.alertsRaw],
        }),
        PublishingModule,
        EvmIndexingModule.register(env),
        SolanaModule.register(env),
      ],
    };
  }
}
