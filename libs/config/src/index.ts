export { loadEnv, loadEnvOrExit, redactEnv, EnvValidationError, SECRET_ENV_KEYS } from './env.util';
export {
  baseEnvSchema,
  portSchema,
  serviceEnvSchema,
  type BaseEnv,
  type ServiceEnv,
} from './base-env.schema';
