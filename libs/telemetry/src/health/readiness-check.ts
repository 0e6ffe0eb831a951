/** One dependency the service needs before it can take traffic (database, broker, upstream API). */
export interface ReadinessCheck {
  /** Key in the `/ready` report; unique per service, e.g. `postgres`, `kafka`. */
  readonly name: string;
  /** Resolves when the dependency is usable; rejects (or hangs past the timeout) when it is not. */
  check(): Promise<void>;
}

/** Injection token of the `ReadinessCheck[]` that HealthModule.forRoot assembles and `/ready` runs. */
export const READINESS_CHECKS = 'convergence.telemetry.READINESS_CHECKS';

/** Injection token of the resolved HealthModule options (the per-check timeout). */
export const HEALTH_OPTIONS = 'convergence.telemetry.HEALTH_OPTIONS';
