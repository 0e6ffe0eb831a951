import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { SERVICE_NAME, type UnlockEngineEnv } from './config/env';
import { ActivityModule } from './activity/activity.module';
import { entities, migrations } from './migrations';

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
        ActivityModule,
      ],
    };
  }
}
