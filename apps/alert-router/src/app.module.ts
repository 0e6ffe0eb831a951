import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { AckModule } from './ack/ack.module';
import { ApiV1Module } from './api-v1/api-v1.module';
import { ApiV2Module } from './api-v2/api-v2.module';
import { SERVICE_NAME, type AlertRouterEnv } from './config/env';
import { DispatcherModule } from './dispatcher/dispatcher.module';
import { EscalationModule } from './escalation/escalation.module';
import { HistoryModule } from './history/history.module';
import { entities, migrations } from './migrations';
import { retryPolicyFromEnv } from './receivers';
import { RouterCoreModule, type RouterCoreOptions } from './router-core.module';
import { routerOptionsOf } from './router-options';
import { RoutingConfigModule } from './routing-config/routing-config.module';

/** What tests may replace: time (a ManualTime), options, receiver retry timing. */
export type AppOverrides = Partial<RouterCoreOptions>;

/** Groups, inhibits, silences, escalates and delivers alerts in Alertmanager's formats (DESIGN.md). */
@Module({})
export class AppModule {
  static register(env: AlertRouterEnv, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [topics.alertsNotification],
          outboxRelay: env.ALERT_ROUTER_OUTBOX_RELAY,
        }),
        RouterCoreModule.forRoot({
          options: routerOptionsOf(env),
          receivers: { retry: retryPolicyFromEnv(env) },
          ...overrides,
        }),
        RoutingConfigModule,
        DispatcherModule,
        EscalationModule,
        AckModule,
        ApiV2Module,
        ApiV1Module,
        HistoryModule,
      ],
    };
  }
}
