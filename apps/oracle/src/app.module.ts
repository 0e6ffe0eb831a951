import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { SERVICE_NAME, type OracleEnv } from './config/env';
import { entities, migrations } from './migrations';

/** Claude-backed sentiment and interpretations; drives opinion-market settlement (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: OracleEnv): DynamicModule {
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
        }),
      ],
    };
  }
}
