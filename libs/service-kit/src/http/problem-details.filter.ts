import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/** Every error leaves as RFC 9457 problem+json, in the same shape in every service. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = toProblem(exception, request.originalUrl);
    if (problem.status >= 500)
      this.logger.error({ msg: 'request failed', path: request.originalUrl, err: exception });
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}

/** Maps an exception to problem details; unknown errors become a 500 that reveals nothing internal. */
export function toProblem(exception: unknown, instance?: string): ProblemDetails {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const fromBody = typeof body === 'object' && body !== null ? (body as Partial<ProblemDetails>) : {};
    return {
      type: fromBody.type ?? 'about:blank',
      title: fromBody.title ?? (HttpStatus[status] ?? 'Error').replace(/_/g, ' ').toLowerCase(),
      status,
      detail: fromBody.detail ?? exception.message,
      instance,
      ...(fromBody.errors ? { errors: fromBody.errors } : {}),
    };
  }
  return { type: 'about:blank', title: 'internal server error', status: 500, instance };
}
