import { request } from 'node:http';

/** One GET; resolves the status code (0 when nothing answers). */
export function httpStatus(url: string, timeoutMs = 2_000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * Polls `url` until it answers 200. Resolves true when it did, false at `deadline` (epoch ms) or as soon as
 * `gaveUp()` returns true (e.g. the service exited).
 */
export async function waitForHttpOk(
  url: string,
  deadline: number,
  gaveUp: () => boolean = () => false,
): Promise<boolean> {
  while (Date.now() < deadline && !gaveUp()) {
    if ((await httpStatus(url)) === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
