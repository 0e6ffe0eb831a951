import { KAFKA_ARTIFACT, SLF4J_BINDING } from './kafka-version';

interface Coordinates {
  groupId: string;
  artifactId: string;
  version: string;
}

const dependency = ({ groupId, artifactId, version }: Coordinates): string =>
  `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;

/** A throwaway pom whose only purpose is `mvn dependency:copy-dependencies` of the Kafka broker's runtime jars. */
export function kafkaPom(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tools/dev-stack: resolves the Kafka broker's runtime classpath. Safe to delete. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.convergence.dev-stack</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${KAFKA_ARTIFACT.version}</version>
  <packaging>pom</packaging>
  <dependencies>
${dependency(KAFKA_ARTIFACT)}
${dependency(SLF4J_BINDING)}
  </dependencies>
</project>
`;
}
