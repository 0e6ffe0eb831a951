/** The validated environment, for providers that need config. */
export const ORACLE_ENV = Symbol('oracle.env');

/** The service's pino logger (from instrument.ts). */
export const ORACLE_LOGGER = Symbol('oracle.logger');
