import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata } from '@nestjs/common';
import { HealthController, type ResolvedHealthOptions } from './health.controller';
import { HEALTH_OPTIONS, READINESS_CHECKS, type ReadinessCheck } from './readiness-check';
import { DEFAULT_READINESS_TIMEOUT_MS } from './readiness.runner';

export interface HealthModuleOptions {
  /** Checks that need nothing injected. */
  checks?: readonly ReadinessCheck[];
  /** Modules exporting what `inject` names (not needed for global ones such as TypeORM's DataSource). */
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** Builds the remaining checks from the providers `inject` names, in that order. */
  // never[] accepts a factory of any parameter types, as Nest's own useFactory does with any[].
  useFactory?: (...deps: never[]) => readonly ReadinessCheck[] | Promise<readonly ReadinessCheck[]>;
  /** Budget of each check on `/ready`; default 3000 ms. */
  timeoutMs?: number;
}

/**
 * `GET /health` and `GET /ready` for an app. The checks `/ready` runs are one array under
 * READINESS_CHECKS, assembled from `checks` plus what `useFactory` returns; tests can replace it
 * with `overrideProvider(READINESS_CHECKS)`. Exclude `health` and `ready` from any global prefix.
 *
 * @example
 * // app.module.ts, in the AppModule's imports (the kafka check comes from libs/messaging)
 * imports: [
 *   TypeOrmModule.forRootAsync({ ... }),
 *   MessagingModule.forRoot({ ... }),
 *   HealthModule.forRoot({
 *     imports: [MessagingModule],
 *     inject: [DataSource, KafkaReadinessCheck],
 *     useFactory: (dataSource: DataSource, kafka: KafkaReadinessCheck) => [
 *       new PostgresReadinessCheck(dataSource),
 *       kafka,
 *     ],
 *     timeoutMs: 2000,
 *   }),
 * ],
 *
 * // main.ts: keep the probes at the root when the API has a prefix
 * app.setGlobalPrefix('api', { exclude: ['health', 'ready', 'metrics'] });
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const timeoutMs = options.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
    if (!(timeoutMs > 0)) throw new Error(`HealthModule: timeoutMs must be positive, got ${timeoutMs}`);
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        { provide: HEALTH_OPTIONS, useValue: { timeoutMs } satisfies ResolvedHealthOptions },
        {
          provide: READINESS_CHECKS,
          inject: options.inject ?? [],
          useFactory: async (...deps: unknown[]) =>
            uniquelyNamed([
              ...(options.checks ?? []),
              ...((await options.useFactory?.(...(deps as never[]))) ?? []),
            ]),
        },
      ],
      exports: [READINESS_CHECKS],
    };
  }
}

// Checks are keyed by name in the report, so a duplicate would silently hide one of them.
function uniquelyNamed(checks: ReadinessCheck[]): ReadinessCheck[] {
  const seen = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.name)) throw new Error(`HealthModule: two readiness checks are named "${c.name}"`);
    seen.add(c.name);
  }
  return checks;
}
