import { type z } from 'zod';

/** Boot stops here: every bad variable is listed at once, so a deploy is fixed in one round. */
export class EnvValidationError extends Error {
  override readonly name = 'EnvValidationError';

  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid environment (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'),
    );
  }
}

/**
 * Validates the environment against a zod object schema and returns the typed config.
 *
 * @example
 * const env = loadEnv(baseEnvSchema.extend({ PORT: portSchema(3002) }), process.env);
 */
export function loadEnv<T extends z.ZodTypeAny>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  // Empty strings mean "unset", as in docker-compose files with `FOO=`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvValidationError(
    result.error.issues.map((issue) => {
      const [variable, ...rest] = issue.path;
      const message = issue.message === 'Required' ? 'is required but not set' : issue.message;
      return {
        variable: variable === undefined ? '(environment)' : String(variable),
        message: rest.length > 0 ? `${message} (at ${rest.join('.')})` : message,
      };
    }),
  );
}

/** A string of secret value: shown as `***` when the config is logged. */
export const SECRET_ENV_KEYS = new Set([
  'DATABASE_URL',
  'KAFKA_SASL_PASSWORD',
  'ANTHROPIC_API_KEY',
  'JWT_SECRET',
]);

/** Any variable whose name says it holds a secret (e.g. ALERT_ROUTER_ACK_SECRET, ORACLE_PRIVATE_KEY) is redacted too. */
const SECRET_NAME = /(SECRET|PASSWORD|PRIVATE_KEY|API_KEY|TOKEN)$/;

/** The config with secrets (and passwords inside URLs) redacted, for the boot log. */
export function redactEnv(env: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => {
      if (typeof value === 'string' && /^[a-z]+:\/\/[^/]*:[^@/]*@/i.test(value)) {
        return [key, value.replace(/\/\/([^:/]*):[^@/]*@/, '//$1:***@')];
      }
      return [key, SECRET_ENV_KEYS.has(key) || SECRET_NAME.test(key) ? '***' : value];
    }),
  );
}

/**
 * For `instrument.ts`: the validated env, or a message naming every bad variable on stderr and
 * exit code 78 (EX_CONFIG) — before any connection is attempted.
 */
export function loadEnvOrExit<T extends z.ZodTypeAny>(
  serviceName: string,
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  try {
    return loadEnv(schema, source);
  } catch (error) {
    if (!(error instanceof EnvValidationError)) throw error;
    process.stderr.write(`${serviceName}: ${error.message}\n`);
    process.exit(78);
  }
}
