import type { ExporterMetrics } from '../metrics/exporter-metrics';

interface ComposeShape {
  services?: Record<string, { build?: unknown; environment?: Record<string, unknown>; image?: string }>;
}

interface PrometheusShape {
  alerting?: { alertmanagers?: { static_configs?: { targets?: string[] }[] }[] };
  scrape_configs?: {
    job_name: string;
    static_configs?: { targets?: string[]; labels?: Record<string, string> }[];
  }[];
}

/**
 * Keeps prometheus.yml in step with docker-compose.yml: every service built from this repository is
 * scraped on its PORT with its `service` label, every allow-listed exporter runs in compose and is
 * scraped, and every scrape or Alertmanager target is a compose service (or Prometheus itself).
 *
 * @example checkScrapeTargets(parse(compose), parse(prometheusYml), exporterMetrics)
 */
export function checkScrapeTargets(
  composeDocument: unknown,
  prometheusDocument: unknown,
  exporters: readonly ExporterMetrics[],
): string[] {
  const problems: string[] = [];
  const compose = (composeDocument ?? {}) as ComposeShape;
  const prometheus = (prometheusDocument ?? {}) as PrometheusShape;
  const services = compose.services ?? {};
  const targets = (prometheus.scrape_configs ?? []).flatMap((job) =>
    (job.static_configs ?? []).flatMap((sc) =>
      (sc.targets ?? []).map((target) => ({ job: job.job_name, target, labels: sc.labels ?? {} })),
    ),
  );
  for (const [name, service] of Object.entries(services)) {
    if (!service.build) continue; // infrastructure images
    const port = String(service.environment?.['PORT'] ?? '3000');
    const scraped = targets.find((t) => t.target === `${name}:${port}`);
    if (!scraped)
      problems.push(
        `prometheus.yml scrapes no ${name}:${port} (docker-compose service ${name} listens on PORT ${port})`,
      );
    else if (scraped.labels['service'] !== name) {
      problems.push(`prometheus.yml job ${scraped.job} must label its target service="${name}"`);
    }
  }
  for (const exporter of exporters) {
    if (!services[exporter.composeService]) {
      problems.push(
        `${exporter.exporter} is allow-listed but docker-compose.yml has no service ${exporter.composeService}`,
      );
    }
    if (exporter.target && !targets.some((t) => t.target === exporter.target)) {
      problems.push(
        `${exporter.exporter} is allow-listed but prometheus.yml does not scrape ${exporter.target}`,
      );
    }
  }
  const alertmanagers = (prometheus.alerting?.alertmanagers ?? []).flatMap((a) =>
    (a.static_configs ?? []).flatMap((sc) => sc.targets ?? []),
  );
  for (const { job, target } of [
    ...targets,
    ...alertmanagers.map((target) => ({ job: 'alerting', target })),
  ]) {
    const host = target.split(':')[0]!;
    if (host !== 'localhost' && !services[host])
      problems.push(`prometheus.yml ${job} targets ${target}, but docker-compose.yml has no service ${host}`);
  }
  return problems;
}
