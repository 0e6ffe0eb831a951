import { request } from 'node:http';

/**
 * One JSON-RPC call over plain HTTP, used before viem clients exist (e.g. while a node boots).
 * node:http rather than fetch: aborting destroys the socket at once, so a dead node leaves nothing pending.
 * @example const chainIdHex = await rpcRequest<string>('http://127.0.0.1:8545', 'eth_chainId');
 */
export function rpcRequest<T>(
  rpcUrl: string,
  method: string,
  params: unknown[] = [],
  signal?: AbortSignal,
): Promise<T> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
  return new Promise<T>((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = request(rpcUrl, { method: 'POST', headers, agent: false, timeout: 2_000, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          if (res.statusCode !== 200) throw new Error(`${method} answered HTTP ${res.statusCode}`);
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            result?: T;
            error?: { message: string };
          };
          if (reply.error) throw new Error(`${method} failed: ${reply.error.message}`);
          resolve(reply.result as T);
        } catch (error) {
          reject(error);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} timed out after 2000 ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
