export { loadEnv, loadEnvOrExit, redactEnv, EnvValidationError, SECRET_ENV_KEYS } from './env.util';
export { baseEnvSchema, portSchema, type BaseEnv } from './base-env.schema';
