import helmet from 'helmet';

/**
 * helmet with its defaults (CSP, HSTS, nosniff, frame options, …): the one instance every route
 * goes through, and whose headers the cached-read fast path records and sends.
 */
export const securityHeaders = helmet();
