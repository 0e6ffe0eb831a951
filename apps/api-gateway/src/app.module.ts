import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ServiceKitModule, ProblemDetailsFilter } from '@convergence/service-kit';
import { topics } from '@convergence/schemas';
import { AnswerCacheService } from './cache/answer-cache.service';
import { CacheController } from './cache/cache.controller';
import { CLOCK } from './clock';
import { GATEWAY_ENV } from './config/gateway-config';
import { SERVICE_NAME, type ApiGatewayEnv } from './config/env';
import { ContractOpsController } from './contract-ops/contract-ops.controller';
import { ContractOpsService } from './contract-ops/contract-ops.service';
import { EvmOpsClient } from './contract-ops/evm-ops.client';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { CachedReadFastPath } from './http/cached-read.fast-path';
import { AccessGuard } from './identity/access/access.guard';
import { IdentityModule } from './identity/identity.module';
import { IndexerOperationsController } from './indexer/indexer-operations.controller';
import { IndexerOperationsService } from './indexer/indexer-operations.service';
import { LiveEventsConsumer } from './live/live-events.consumer';
import { LiveGateway } from './live/live.gateway';
import { GatewayMetrics } from './metrics/gateway.metrics';
import { entities, migrations } from './migrations';
import { OpenApiController } from './openapi/openapi.controller';
import { corsMiddleware } from './protection/cors.middleware';
import { RateLimiterService } from './protection/rate-limiter.service';
import { securityHeaders } from './protection/security-headers';
import { MetricSamplerService } from './reports/metric-sampler.service';
import { WeeklyReportController } from './reports/weekly-report.controller';
import { WeeklyReportService } from './reports/weekly-report.service';
import { forwardedRoutes } from './routes/route-table';
import { StatusBoardController } from './status-board/status-board.controller';
import { StatusBoardService } from './status-board/status-board.service';
import { forwardControllerFor } from './upstream/forward.controller';
import { ForwardService } from './upstream/forward.service';
import { UpstreamClient } from './upstream/upstream.client';

/** What every part of the gateway shares: config, clock, metrics, the rate limiter. */
@Global()
@Module({})
class GatewayCoreModule {
  static register(env: ApiGatewayEnv): DynamicModule {
    return {
      module: GatewayCoreModule,
      providers: [
        { provide: GATEWAY_ENV, useValue: env },
        { provide: CLOCK, useValue: () => new Date() },
        GatewayMetrics,
        RateLimiterService,
        AnswerCacheService,
        UpstreamClient,
      ],
      exports: [GATEWAY_ENV, CLOCK, GatewayMetrics, RateLimiterService, AnswerCacheService, UpstreamClient],
    };
  }
}

/** What frontends and operators call: REST, WebSocket, identity, rate limits (DESIGN.md). */
@Module({})
export class AppModule implements NestModule {
  private static env?: ApiGatewayEnv;

  static register(env: ApiGatewayEnv): DynamicModule {
    AppModule.env = env;
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          serviceName: SERVICE_NAME,
          env,
          entities,
          migrations,
          produces: [topics.alertsRaw],
          outboxRelay: true,
        }),
        GatewayCoreModule.register(env),
        IdentityModule,
      ],
      // AppModule's controllers are routed first: the status board must win `/health` over the
      // liveness handler of libs/telemetry.
      controllers: [
        StatusBoardController,
        OpenApiController,
        DeadLettersController,
        CacheController,
        IndexerOperationsController,
        ContractOpsController,
        WeeklyReportController,
        forwardControllerFor(Object.values(forwardedRoutes)),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        StatusBoardService,
        ForwardService,
        IndexerOperationsService,
        EvmOpsClient,
        ContractOpsService,
        MetricSamplerService,
        WeeklyReportService,
        LiveGateway,
        LiveEventsConsumer,
        CachedReadFastPath,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(securityHeaders, corsMiddleware(AppModule.env?.CORS_ORIGINS ?? [])).forRoutes('*');
  }
}
