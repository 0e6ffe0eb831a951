/** Injection token of the service's prom-client Registry, provided by MetricsModule.forRoot. */
export const METRICS_REGISTRY = 'convergence.telemetry.METRICS_REGISTRY';
