import { HttpException, HttpStatus } from '@nestjs/common';

/** Why an acknowledgement was refused. */
export type AckErrorCode =
  | 'unknown-group'
  | 'nothing-firing'
  | 'links-disabled'
  | 'malformed'
  | 'bad-signature'
  | 'expired';

/** An acknowledgement that cannot be made. */
export class AckError extends Error {
  constructor(
    readonly code: AckErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AckError';
  }
}

/** The HTTP problem for an AckError. */
export function httpExceptionOf(error: AckError): HttpException {
  const status = ((): HttpStatus => {
    switch (error.code) {
      case 'unknown-group':
      case 'links-disabled':
        return HttpStatus.NOT_FOUND;
      case 'nothing-firing':
        return HttpStatus.CONFLICT;
      case 'malformed':
        return HttpStatus.BAD_REQUEST;
      case 'bad-signature':
      case 'expired':
        return HttpStatus.FORBIDDEN;
    }
  })();
  return new HttpException(
    { title: `acknowledgement refused: ${error.code}`, detail: error.message },
    status,
    {
      cause: error,
    },
  );
}
