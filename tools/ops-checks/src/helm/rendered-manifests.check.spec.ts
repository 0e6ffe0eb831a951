import {
  CHART_SERVICES,
  checkRenderedManifests,
  STATELESS_SERVICES,
  type K8sObject,
} from './rendered-manifests.check';

const routingYaml = 'route:\n  receiver: team-slack\n';

function deployment(
  name: string,
  overrides: { replicas?: number; strategy?: string; container?: object } = {},
): K8sObject {
  const stateless = (STATELESS_SERVICES as readonly string[]).includes(name);
  const container = {
    name,
    image: `ghcr.io/convergence/${name}:1.2.3`,
    ports: [{ name: 'http', containerPort: 3000 }],
    env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 's', key: 'DATABASE_URL' } } }],
    livenessProbe: { httpGet: { path: '/health', port: 'http' } },
    readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    ...overrides.container,
  };
  const spec: Record<string, unknown> = {
    strategy: { type: overrides.strategy ?? (stateless ? 'RollingUpdate' : 'Recreate') },
    template: { spec: { containers: [container] } },
  };
  if (!stateless || overrides.replicas !== undefined) spec['replicas'] = overrides.replicas ?? 1;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec };
}

function chart(): K8sObject[] {
  return [
    ...CHART_SERVICES.flatMap((name) => [deployment(name), { kind: 'Service', metadata: { name } }]),
    ...STATELESS_SERVICES.map((name) => ({
      kind: 'HorizontalPodAutoscaler',
      metadata: { name },
      spec: { scaleTargetRef: { kind: 'Deployment', name } },
    })),
    { kind: 'ConfigMap', metadata: { name: 'alert-router-routing' }, data: { 'routing.yml': routingYaml } },
  ];
}

const replace = (objects: K8sObject[], replacement: K8sObject) =>
  objects.map((o) =>
    o.kind === replacement.kind && o.metadata?.name === replacement.metadata?.name ? replacement : o,
  );

describe(checkRenderedManifests.name, () => {
  it('accepts a chart with probes, resources, pinned images, secrets by reference and HPAs for stateless services', () => {
    expect(checkRenderedManifests('testnet', chart(), { expectAutoscaling: true, routingYaml })).toEqual([]);
  });

  it('names wrong probes, missing resources, an unpinned image and a literal secret', () => {
    const objects = replace(
      chart(),
      deployment('oracle', {
        container: {
          image: 'ghcr.io/convergence/oracle:latest',
          livenessProbe: { httpGet: { path: '/ready', port: 'http' } },
          resources: { requests: { cpu: '250m' }, limits: { cpu: '1', memory: '1Gi' } },
          env: [{ name: 'ANTHROPIC_API_KEY', value: 'fake-key-123' }],
        },
      }),
    );
    expect(checkRenderedManifests('mainnet', objects, { expectAutoscaling: true, routingYaml })).toEqual([
      'mainnet: oracle: livenessProbe must GET /health on the http port',
      'mainnet: oracle: resources.requests.memory is not set',
      'mainnet: oracle: image ghcr.io/convergence/oracle:latest is not pinned',
      'mainnet: oracle: ANTHROPIC_API_KEY is a literal value; take it from the Secret',
    ]);
  });

  it('keeps single-writer services at one replica with Recreate, without an HPA', () => {
    const objects = [
      ...replace(chart(), deployment('chain-indexer', { replicas: 2, strategy: 'RollingUpdate' })),
      {
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'alert-router' },
        spec: { scaleTargetRef: { kind: 'Deployment', name: 'alert-router' } },
      },
    ];
    expect(checkRenderedManifests('testnet', objects, { expectAutoscaling: true, routingYaml })).toEqual([
      'testnet: chain-indexer must run 1 replica with the Recreate strategy (is 2, RollingUpdate)',
      'testnet: alert-router must not autoscale (a single replica owns its work)',
      'testnet: Deployment alert-router sets replicas although its HorizontalPodAutoscaler owns them',
    ]);
  });

  it('names a missing HPA, a missing Deployment and a routing ConfigMap that drifted', () => {
    const objects = chart()
      .filter((o) => !(o.kind === 'HorizontalPodAutoscaler' && o.metadata?.name === 'oracle'))
      .filter((o) => !(o.kind === 'Deployment' && o.metadata?.name === 'unlock-engine'));
    expect(
      checkRenderedManifests('testnet', objects, { expectAutoscaling: true, routingYaml: 'route: {}' }),
    ).toEqual([
      'testnet: no Deployment unlock-engine',
      'testnet: oracle is stateless but has no HorizontalPodAutoscaler',
      'testnet: HorizontalPodAutoscaler unlock-engine targets Deployment/unlock-engine, which is not rendered',
      "testnet: ConfigMap alert-router-routing differs from deploy/alert-router/routing.yml (copy it to the chart's files/)",
    ]);
  });

  it('requires a PodMonitor that gives targets the service label where monitoring is on', () => {
    const podMonitor = (relabelings: object[]): K8sObject => ({
      kind: 'PodMonitor',
      metadata: { name: 'convergence' },
      spec: { podMetricsEndpoints: [{ port: 'http', path: '/metrics', relabelings }] },
    });
    const good = podMonitor([
      { sourceLabels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], targetLabel: 'service' },
    ]);
    const options = { expectAutoscaling: true, expectPodMonitor: true, routingYaml };
    expect(checkRenderedManifests('mainnet', [...chart(), good], options)).toEqual([]);
    expect(checkRenderedManifests('mainnet', [...chart(), podMonitor([])], options)).toEqual([
      'mainnet: no PodMonitor scraping /metrics with the service label the rules select on',
    ]);
  });
});
