/** The Kafka broker the dev stack runs, and the SLF4J binding it logs through (as in Kafka's own distribution). */
export const KAFKA_VERSION = '3.9.1';
export const KAFKA_ARTIFACT = {
  groupId: 'org.apache.kafka',
  artifactId: 'kafka_2.13',
  version: KAFKA_VERSION,
};
export const SLF4J_BINDING = { groupId: 'org.slf4j', artifactId: 'slf4j-reload4j', version: '1.7.36' };
/** Pinned so the resolution does not depend on the Maven version's default plugin. */
export const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
