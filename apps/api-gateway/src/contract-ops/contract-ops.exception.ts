import { HttpException, HttpStatus } from '@nestjs/common';

/** Why an emergency operation on a contract did not happen. Each code maps to one HTTP status. */
export type ContractOpsErrorCode =
  | 'not-configured'
  | 'unknown-contract'
  | 'unknown-role'
  | 'direct-mode-refused'
  | 'reverted'
  | 'receipt-reverted'
  | 'receipt-timeout'
  | 'rpc-failed';

/** Emergency-operation failures as RFC 9457 problems (`type: urn:convergence:contract-ops:<code>`). */
export class ContractOpsException extends HttpException {
  constructor(
    readonly code: ContractOpsErrorCode,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    const status = statusOfContractOpsError(code);
    super(
      { type: `urn:convergence:contract-ops:${code}`, title: titleOf(code), detail },
      status,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

/** The HTTP status of each failure: the caller's mistake (4xx), the chain's refusal (409), or trouble reaching it (5xx). */
export function statusOfContractOpsError(code: ContractOpsErrorCode): number {
  switch (code) {
    case 'unknown-contract':
      return HttpStatus.NOT_FOUND;
    case 'unknown-role':
      return HttpStatus.BAD_REQUEST;
    case 'direct-mode-refused':
    case 'reverted':
      return HttpStatus.CONFLICT;
    case 'receipt-reverted':
    case 'rpc-failed':
      return HttpStatus.BAD_GATEWAY;
    case 'receipt-timeout':
      return HttpStatus.GATEWAY_TIMEOUT;
    case 'not-configured':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

function titleOf(code: ContractOpsErrorCode): string {
  switch (code) {
    case 'not-configured':
      return 'contract operations not configured';
    case 'unknown-contract':
      return 'unknown contract';
    case 'unknown-role':
      return 'unknown role';
    case 'direct-mode-refused':
      return 'direct mode refused on this chain';
    case 'reverted':
      return 'the contract refused the call';
    case 'receipt-reverted':
      return 'the transaction reverted';
    case 'receipt-timeout':
      return 'no receipt in time';
    case 'rpc-failed':
      return 'chain unreachable';
  }
}
