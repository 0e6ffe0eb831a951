import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { CeremonyModule } from './ceremony/ceremony.module';
import { ChainEventsModule } from './chain-events/chain-events.module';
import { SERVICE_NAME, type UnlockEngineEnv } from './config/env';
import { EligibilityModule } from './eligibility/eligibility.module';
import { EngineCoreModule } from './engine-core.module';
import { entities, migrations } from './migrations';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { ReevaluationModule } from './reevaluation/reevaluation.module';
import { UnlocksModule } from './unlocks/unlocks.module';

/** Turns chain activity into wallet profiles and unlocks (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: UnlockEngineEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [topics.unlockAchieved, topics.unlockRevoked, topics.profileUpdated, topics.alertsRaw],
        }),
        EngineCoreModule.register(env),
        ChainEventsModule,
        UnlocksModule,
        EligibilityModule,
        CeremonyModule,
        ReconciliationModule,
        ReevaluationModule,
      ],
    };
  }
}
