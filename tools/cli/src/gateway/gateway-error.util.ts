import { CliError } from '../cli.exception';
import type { GatewayEndpoint } from './gateway-endpoints';
import { problemSchema } from './gateway-responses.schema';

/**
 * The CliError for a gateway answer that is not a success: 401/403 say which role the command
 * needs and what the gateway said; other statuses print the problem+json title, detail and field
 * errors (or the start of a non-problem body).
 *
 * @example errorOfResponse(endpoints.createKey, 403, { detail: 'needs role admin, the caller is operator' })
 */
export function errorOfResponse(endpoint: GatewayEndpoint, status: number, body: unknown): CliError {
  const route = `${endpoint.method} ${endpoint.path}`;
  const problem = problemSchema.safeParse(body);
  const said = problem.success ? describeProblem(problem.data) : describeText(body);
  if (status === 401) {
    return new CliError(
      'unauthorized',
      `${route} needs an API key with role ${endpoint.role} (set CONVERGENCE_API_KEY or --api-key); the gateway answered 401${said}`,
    );
  }
  if (status === 403) {
    return new CliError(
      'forbidden',
      `${route} needs an API key with role ${endpoint.role}; the gateway answered 403${said}`,
    );
  }
  return new CliError('rejected', `${route} failed with ${status}${said}`);
}

function describeProblem(problem: {
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}): string {
  const head = [problem.title, problem.detail].filter(Boolean).join(': ');
  const fields = (problem.errors ?? []).map((e) => `\n  - ${e.field}: ${e.message}`).join('');
  return head || fields ? `: ${head}${fields}` : '';
}

function describeText(body: unknown): string {
  if (typeof body !== 'string' || body.trim() === '') return '';
  const text = body.trim();
  return `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}
