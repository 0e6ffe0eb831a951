import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { AckLinkService } from './ack/ack-link.service';
import { AckStoreService } from './ack/ack-store.service';
import { AlertStoreService } from './alert-store/alert-store.service';
import { SilenceCacheService } from './dispatcher/silence-cache.service';
import { RouterMetrics } from './metrics/router.metrics';
import { NotificationLogService } from './notification-log/notification-log.service';
import { NotificationRecorderService } from './notification-log/notification-recorder.service';
import { type ReceiverDeliveryOptionsInput, ReceiversModule } from './receivers';
import { ROUTER_OPTIONS, type RouterOptions } from './router-options';
import { RoutingConfigService } from './routing-config/routing-config.service';
import { SilenceStoreService } from './silence-store/silence-store.service';
import { CLOCK, type Clock, SCHEDULER, type Scheduler } from './time/clock';
import { TimerScheduler } from './time/timer.scheduler';

/** What the core needs; tests pass a ManualTime's clock and scheduler. */
export interface RouterCoreOptions {
  readonly options: RouterOptions;
  readonly receivers: ReceiverDeliveryOptionsInput;
  readonly clock?: Clock;
  readonly scheduler?: Scheduler;
}

const STORES = [
  AlertStoreService,
  SilenceStoreService,
  SilenceCacheService,
  NotificationLogService,
  NotificationRecorderService,
  AckStoreService,
];

/**
 * The router's shared ground, global so every feature module sees one instance: time (clock and
 * scheduler), options, metrics, the routing config, the Postgres stores and the receivers.
 */
@Module({})
export class RouterCoreModule {
  static forRoot(core: RouterCoreOptions): DynamicModule {
    const logger = new Logger('Scheduler');
    const receivers = ReceiversModule.forRoot(core.receivers);
    return {
      module: RouterCoreModule,
      global: true,
      imports: [receivers],
      providers: [
        { provide: ROUTER_OPTIONS, useValue: core.options },
        { provide: CLOCK, useValue: core.clock ?? (() => new Date()) },
        {
          provide: SCHEDULER,
          useValue:
            core.scheduler ??
            new TimerScheduler((error) => logger.error({ err: error }, 'scheduled task failed')),
        },
        RouterMetrics,
        RoutingConfigService,
        AckLinkService,
        ...STORES,
      ],
      exports: [
        ROUTER_OPTIONS,
        CLOCK,
        SCHEDULER,
        RouterMetrics,
        RoutingConfigService,
        AckLinkService,
        ...STORES,
        receivers,
      ],
    };
  }
}
