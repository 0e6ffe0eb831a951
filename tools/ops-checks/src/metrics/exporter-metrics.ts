/**
 * Metrics that come from exporters, not from our services: an explicit allow-list per exporter, each
 * exporter being a service in docker-compose.yml that prometheus.yml scrapes (checked). A dashboard
 * or rule may use only these names from them, so a typo is caught like an unknown service metric.
 */
export interface ExporterMetrics {
  /** The program providing the metrics. */
  exporter: string;
  /** Its service in docker-compose.yml and the host of its scrape target in prometheus.yml. */
  composeService: string;
  /** `host:port` Prometheus scrapes; undefined for series Prometheus makes itself. */
  target?: string;
  metrics: readonly string[];
}

export const exporterMetrics: readonly ExporterMetrics[] = [
  {
    // Prometheus' own per-target series, for every scrape job.
    exporter: 'prometheus',
    composeService: 'prometheus',
    metrics: ['up', 'scrape_duration_seconds'],
  },
  {
    exporter: 'node_exporter (prom/node-exporter)',
    composeService: 'node-exporter',
    target: 'node-exporter:9100',
    metrics: [
      'node_cpu_seconds_total',
      'node_memory_MemAvailable_bytes',
      'node_memory_MemTotal_bytes',
      'node_filesystem_avail_bytes',
      'node_filesystem_size_bytes',
    ],
  },
  {
    exporter: 'postgres_exporter (prometheuscommunity/postgres-exporter)',
    composeService: 'postgres-exporter',
    target: 'postgres-exporter:9187',
    metrics: [
      'pg_up',
      'pg_stat_activity_count',
      'pg_stat_activity_max_tx_duration',
      'pg_settings_max_connections',
      'pg_database_size_bytes',
    ],
  },
  {
    exporter: 'kafka_exporter (danielqsj/kafka-exporter)',
    composeService: 'kafka-exporter',
    target: 'kafka-exporter:9308',
    metrics: ['kafka_brokers', 'kafka_consumergroup_lag', 'kafka_topic_partition_current_offset'],
  },
];
