import { randomBytes } from 'node:crypto';

/** A KRaft cluster id as `kafka-storage random-uuid` prints it: 16 random bytes, base64url, no padding. */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id; // Kafka avoids ids that would read as a command-line flag
  }
}
