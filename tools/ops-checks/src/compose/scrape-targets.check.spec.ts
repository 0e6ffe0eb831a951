import { checkScrapeTargets } from './scrape-targets.check';

const exporters = [
  { exporter: 'prometheus', composeService: 'prometheus', metrics: ['up'] },
  {
    exporter: 'node_exporter',
    composeService: 'node-exporter',
    target: 'node-exporter:9100',
    metrics: ['node_load1'],
  },
];

const compose = {
  services: {
    prometheus: { image: 'prom/prometheus' },
    alertmanager: { image: 'prom/alertmanager' },
    'node-exporter': { image: 'prom/node-exporter' },
    oracle: { build: { context: '.' }, environment: { PORT: '3003' } },
  },
};

const prometheus = {
  alerting: { alertmanagers: [{ static_configs: [{ targets: ['alertmanager:9093'] }] }] },
  scrape_configs: [
    { job_name: 'oracle', static_configs: [{ targets: ['oracle:3003'], labels: { service: 'oracle' } }] },
    { job_name: 'node-exporter', static_configs: [{ targets: ['node-exporter:9100'] }] },
    { job_name: 'prometheus', static_configs: [{ targets: ['localhost:9090'] }] },
  ],
};

describe(checkScrapeTargets.name, () => {
  it('accepts a config that scrapes every service and exporter of the compose file', () => {
    expect(checkScrapeTargets(compose, prometheus, exporters)).toEqual([]);
  });

  it('names a service not scraped on its port, a missing exporter and a target compose does not run', () => {
    const drifted = {
      ...compose,
      services: {
        ...compose.services,
        oracle: { build: {}, environment: { PORT: '3010' } },
        'node-exporter': undefined,
      },
    };
    const extra = {
      ...prometheus,
      scrape_configs: [
        ...prometheus.scrape_configs,
        { job_name: 'old', static_configs: [{ targets: ['legacy:9000'] }] },
      ],
    };
    expect(checkScrapeTargets(JSON.parse(JSON.stringify(drifted)), extra, exporters)).toEqual([
      'prometheus.yml scrapes no oracle:3010 (docker-compose service oracle listens on PORT 3010)',
      'node_exporter is allow-listed but docker-compose.yml has no service node-exporter',
      'prometheus.yml node-exporter targets node-exporter:9100, but docker-compose.yml has no service node-exporter',
      'prometheus.yml old targets legacy:9000, but docker-compose.yml has no service legacy',
    ]);
  });
});
