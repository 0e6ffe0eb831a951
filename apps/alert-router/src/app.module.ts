import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { SERVICE_NAME, type AlertRouterEnv } from './config/env';
import { AlertStoreModule } from './alert-store/alert-store.module';
import { entities, migrations } from './migrations';

/** Groups, inhibits, silences, escalates and delivers alerts in Alertmanager's formats (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: AlertRouterEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [topics.alertsNotification],
        }),
        AlertStoreModule,
      ],
    };
  }
}
