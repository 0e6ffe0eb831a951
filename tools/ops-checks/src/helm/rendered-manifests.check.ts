/** A Kubernetes object as rendered by `helm template` (only the fields the check reads). */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}

interface Container {
  name?: string;
  image?: string;
  ports?: { name?: string; containerPort?: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
}

/** The services the chart deploys, and which of them may scale out (the others keep one replica). */
export const CHART_SERVICES = [
  'api-gateway',
  'chain-indexer',
  'unlock-engine',
  'oracle',
  'alert-router',
] as const;
export const STATELESS_SERVICES = ['api-gateway', 'unlock-engine', 'oracle'] as const;

/** Environment variable names that must come from a Secret, never a literal. */
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|DATABASE_URL/;

/**
 * Checks one environment's rendered chart: a Deployment and a Service per service; each container
 * with liveness on /health and readiness on /ready on its named port, CPU and memory requests and
 * limits, a pinned image, secrets only through secretKeyRef; HPAs (when `expectAutoscaling`) for the
 * stateless services only, each aiming at an existing Deployment; single-replica services replaced
 * with Recreate; the alert-router routing ConfigMap equal to `routingYaml`; when `expectPodMonitor`, a
 * PodMonitor that labels every target `service` from app.kubernetes.io/name (the rules select on it).
 *
 * @example checkRenderedManifests('testnet', objects, { expectAutoscaling: true, routingYaml })
 */
export function checkRenderedManifests(
  environment: string,
  objects: readonly K8sObject[],
  options: { expectAutoscaling: boolean; expectPodMonitor?: boolean; routingYaml: string },
): string[] {
  const problems: string[] = [];
  const at = (what: string) => `${environment}: ${what}`;
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = new Map(byKind('Deployment').map((d) => [d.metadata?.name ?? '', d]));
  const hpas = new Map(byKind('HorizontalPodAutoscaler').map((h) => [h.metadata?.name ?? '', h]));
  const services = new Set(byKind('Service').map((s) => s.metadata?.name));

  for (const name of CHART_SERVICES) {
    const deployment = deployments.get(name);
    if (!deployment) {
      problems.push(at(`no Deployment ${name}`));
      continue;
    }
    if (!services.has(name)) problems.push(at(`no Service ${name}`));
    const podSpec = (deployment.spec?.['template'] as { spec?: { containers?: Container[] } } | undefined)
      ?.spec;
    const container = podSpec?.containers?.[0];
    if (!container) {
      problems.push(at(`Deployment ${name} has no container`));
      continue;
    }
    const httpPort = container.ports?.find((p) => p.name === 'http');
    if (!httpPort?.containerPort) problems.push(at(`${name}: no container port named http`));
    for (const [probe, path] of [
      ['livenessProbe', '/health'],
      ['readinessProbe', '/ready'],
    ] as const) {
      const get = container[probe]?.httpGet;
      if (get?.path !== path || (get.port !== 'http' && get.port !== httpPort?.containerPort)) {
        problems.push(at(`${name}: ${probe} must GET ${path} on the http port`));
      }
    }
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) {
        if (container.resources?.[kind]?.[resource] === undefined)
          problems.push(at(`${name}: resources.${kind}.${resource} is not set`));
      }
    }
    const tag = container.image?.split(':').pop() ?? '';
    if (!container.image?.includes(':') || tag === 'latest' || tag === '')
      problems.push(at(`${name}: image ${container.image} is not pinned`));
    for (const variable of container.env ?? []) {
      if (SECRET_NAME.test(variable.name) && variable.value !== undefined) {
        problems.push(at(`${name}: ${variable.name} is a literal value; take it from the Secret`));
      }
    }
    const stateless = (STATELESS_SERVICES as readonly string[]).includes(name);
    const hpa = hpas.get(name);
    if (stateless && options.expectAutoscaling && !hpa)
      problems.push(at(`${name} is stateless but has no HorizontalPodAutoscaler`));
    if (!stateless) {
      if (hpa) problems.push(at(`${name} must not autoscale (a single replica owns its work)`));
      const strategy = (deployment.spec?.['strategy'] as { type?: string } | undefined)?.type;
      if (deployment.spec?.['replicas'] !== 1 || strategy !== 'Recreate') {
        problems.push(
          at(
            `${name} must run 1 replica with the Recreate strategy (is ${String(deployment.spec?.['replicas'])}, ${strategy})`,
          ),
        );
      }
    }
  }
  for (const [name, hpa] of hpas) {
    const target = (hpa.spec?.['scaleTargetRef'] as { kind?: string; name?: string } | undefined) ?? {};
    if (target.kind !== 'Deployment' || !deployments.has(target.name ?? '')) {
      problems.push(
        at(`HorizontalPodAutoscaler ${name} targets ${target.kind}/${target.name}, which is not rendered`),
      );
    }
    if (deployments.get(target.name ?? '')?.spec?.['replicas'] !== undefined) {
      problems.push(
        at(`Deployment ${target.name} sets replicas although its HorizontalPodAutoscaler owns them`),
      );
    }
  }
  if (options.expectPodMonitor) {
    const endpoints =
      (byKind('PodMonitor')[0]?.spec?.['podMetricsEndpoints'] as
        | { path?: string; relabelings?: { sourceLabels?: string[]; targetLabel?: string }[] }[]
        | undefined) ?? [];
    const labelsService = endpoints.some(
      (e) =>
        e.path === '/metrics' &&
        e.relabelings?.some(
          (r) =>
            r.targetLabel === 'service' &&
            r.sourceLabels?.includes('__meta_kubernetes_pod_label_app_kubernetes_io_name'),
        ),
    );
    if (!labelsService)
      problems.push(at('no PodMonitor scraping /metrics with the service label the rules select on'));
  }
  const routing = byKind('ConfigMap').find((c) => c.metadata?.name === 'alert-router-routing');
  if (routing?.data?.['routing.yml']?.trim() !== options.routingYaml.trim()) {
    problems.push(
      at(
        "ConfigMap alert-router-routing differs from deploy/alert-router/routing.yml (copy it to the chart's files/)",
      ),
    );
  }
  return problems;
}
