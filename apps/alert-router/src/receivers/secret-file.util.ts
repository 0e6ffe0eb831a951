import { readFile } from 'node:fs/promises';
import { errorMessageOf } from './error-message.util';

/**
 * The secret in an Alertmanager `*_file` field (api_url_file, routing_key_file, ...), read on each
 * delivery as Alertmanager does, so a rotated secret is picked up without a reload.
 */
export async function readSecretFile(field: string, path: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    throw new SecretFileError(field, path, error);
  }
}

/** A `*_file` that cannot be read: a configuration problem, so never retried. */
export class SecretFileError extends Error {
  readonly retryable = false;

  constructor(field: string, path: string, cause: unknown) {
    super(`cannot read ${field} ${path}: ${errorMessageOf(cause)}`, { cause });
    this.name = 'SecretFileError';
  }
}
