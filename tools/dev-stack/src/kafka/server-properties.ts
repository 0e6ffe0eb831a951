export interface KafkaServerConfig {
  host: string;
  port: number;
  controllerPort: number;
  logDir: string;
}

/** server.properties of a single-node KRaft cluster (broker and controller in one process, node.id 1). */
export function serverProperties({ host, port, controllerPort, logDir }: KafkaServerConfig): string {
  const settings: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${host}:${controllerPort}`,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 3,
    'auto.create.topics.enable': true,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 3,
    'min.insync.replicas': 1,
    'default.replication.factor': 1,
    'group.initial.rebalance.delay.ms': 0,
    // A dev broker: small segments, quick cleanup, no telemetry.
    'log.segment.bytes': 16 * 1024 * 1024,
    'log.retention.hours': 24,
    'num.network.threads': 2,
    'num.io.threads': 4,
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  return `# Written by tools/dev-stack (local development broker).\n${lines.join('\n')}\n`;
}

/** log4j 1.x (reload4j) config: warnings and errors only, plus the "started" line, to stdout. */
export function log4jProperties(): string {
  return [
    'log4j.rootLogger=WARN, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.server.KafkaRaftServer=INFO',
    // Chatty at WARN during a single-node cluster's normal start and stop.
    'log4j.logger.org.apache.kafka.clients.NetworkClient=ERROR',
    'log4j.logger.kafka.server.BrokerToControllerRequestThread=ERROR',
    '',
  ].join('\n');
}
