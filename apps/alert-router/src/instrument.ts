// Imported first by main.ts: OpenTelemetry must patch http, pg, kafkajs and Nest before they load.
import { instrumentService } from '@convergence/service-kit/instrument';
import { SERVICE_NAME, envSchema } from './config/env';

export const service = instrumentService(SERVICE_NAME, envSchema, process.env);
