import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import type { Logger } from 'pino';
import { SERVICE_NAME, type OracleEnv } from './config/env';
import { OracleCoreModule } from './core/oracle-core.module';
import { InterpretationModule } from './interpretation/interpretation.module';
import { entities, migrations } from './migrations';
import { SettlementModule } from './settlement/settlement.module';

/** Claude-backed sentiment and interpretations; drives opinion-market settlement (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: OracleEnv, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [
            topics.oracleSentiment,
            topics.oracleSettlement,
            topics.oracleInterpretation,
            topics.alertsRaw,
          ],
          outboxRelay: true,
        }),
        OracleCoreModule.register(env, logger),
        SettlementModule,
        InterpretationModule,
      ],
    };
  }
}
