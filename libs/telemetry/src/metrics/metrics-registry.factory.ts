import { collectDefaultMetrics, Registry } from 'prom-client';

export interface MetricsRegistryOptions {
  serviceName: string;
  /** Node process metrics (CPU, memory, event-loop lag, GC); default true. */
  collectDefaults?: boolean;
}

/**
 * Creates a prom-client Registry whose every series carries `service="<serviceName>"`, with the
 * default Node process metrics registered on it (never on prom-client's global registry).
 *
 * @example
 * const registry = createMetricsRegistry({ serviceName: 'oracle' });
 * const settled = new Counter({ name: 'oracle_settlements_total', help: '...', registers: [registry] });
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.serviceName });
  if (options.collectDefaults ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}
