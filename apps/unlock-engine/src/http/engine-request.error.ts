import { HttpException, HttpStatus } from '@nestjs/common';

export type EngineRequestErrorCode =
  | 'invalid-address'
  | 'invalid-definition'
  | 'invalid-request'
  | 'unlock-not-found'
  | 'unlock-exists'
  | 'not-achieved'
  | 'reconciliation-unavailable';

/** One field (JSON path) that was wrong and why, as problem+json `errors`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Every request the service refuses, as one exception with a code; `ProblemDetailsFilter` turns it
 * into problem+json with the status the code maps to.
 *
 * @example
 * throw new EngineRequestError('unlock-not-found', "no unlock 'genesis'");
 */
export class EngineRequestError extends HttpException {
  constructor(
    readonly code: EngineRequestErrorCode,
    detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(
      { type: `urn:convergence:unlock-engine:${code}`, title: titleOf(code), detail, errors },
      statusOf(code),
    );
  }
}

function statusOf(code: EngineRequestErrorCode): HttpStatus {
  switch (code) {
    case 'invalid-address':
    case 'invalid-definition':
    case 'invalid-request':
      return HttpStatus.BAD_REQUEST;
    case 'unlock-not-found':
      return HttpStatus.NOT_FOUND;
    case 'unlock-exists':
    case 'not-achieved':
      return HttpStatus.CONFLICT;
    case 'reconciliation-unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

function titleOf(code: EngineRequestErrorCode): string {
  switch (code) {
    case 'invalid-address':
      return 'invalid wallet address';
    case 'invalid-definition':
      return 'invalid unlock definition';
    case 'invalid-request':
      return 'invalid request';
    case 'unlock-not-found':
      return 'unlock not found';
    case 'unlock-exists':
      return 'unlock already exists';
    case 'not-achieved':
      return 'unlock not achieved';
    case 'reconciliation-unavailable':
      return 'reconciliation unavailable';
  }
}
