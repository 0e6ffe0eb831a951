/** A JSON-RPC 2.0 error with the codes Solana nodes use, answered as `{ jsonrpc, id, error }`. */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }

  static parse(detail: string): JsonRpcError {
    return new JsonRpcError(-32700, `Parse error: ${detail}`);
  }
  static invalidRequest(): JsonRpcError {
    return new JsonRpcError(-32600, 'Invalid request');
  }
  static methodNotFound(): JsonRpcError {
    return new JsonRpcError(-32601, 'Method not found');
  }
  static invalidParams(detail: string): JsonRpcError {
    return new JsonRpcError(-32602, `Invalid params: ${detail}.`);
  }
}

/** Solana's server error codes (solana-rpc-client-api `custom_error.rs`). */
export const SOLANA_RPC_ERROR = {
  sendTransactionPreflightFailure: -32002,
  transactionSignatureVerificationFailure: -32003,
  unsupportedTransactionVersion: -32015,
} as const;
