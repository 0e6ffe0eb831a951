import { requireCommand } from '../process/find-command';

const DEBIAN_HINT =
  'On Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless maven`; on macOS: `brew install openjdk@17 maven`.';

/** Path of `java`, or an actionable error: Kafka runs on the JVM. */
export function requireJava(): string {
  return requireCommand(
    'java',
    'to run the local Kafka broker (Java 17 or newer)',
    `Install a Java runtime (17+) and make sure \`java\` is on PATH. ${DEBIAN_HINT}\n` +
      'Or point the stack at an existing broker with KAFKA_BROKERS=host:port.',
  );
}

/** Path of `mvn`, or an actionable error: Maven downloads the Kafka jars once. */
export function requireMaven(): string {
  return requireCommand(
    'mvn',
    'once, to download the Kafka broker jars from Maven Central',
    `Install Apache Maven and make sure \`mvn\` is on PATH. ${DEBIAN_HINT}\n` +
      'Or point the stack at an existing broker with KAFKA_BROKERS=host:port.',
  );
}
