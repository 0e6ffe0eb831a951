import type { ApiGatewayEnv } from './env';

/** The validated environment, injectable in the gateway's providers. */
export const GATEWAY_ENV = Symbol('GATEWAY_ENV');
export type GatewayEnv = ApiGatewayEnv;
