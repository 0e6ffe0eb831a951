// The bench's webhook receiver, run in a child process so that receiving (HTTP parsing, reading the
// payload) costs the router under test nothing: in-process it was about half the CPU of a flush
// burst. The child stamps each request with `Date.now()` when its headers arrive — the same
// system (realtime) clock the router's flush moments come from — and answers 200 at once.
import { type ChildProcess, fork } from 'node:child_process';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Messages between the bench (parent) and the receiver (child). */
type ToChild = { type: 'take' } | { type: 'count' };
type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'count'; count: number }
  | { type: 'arrivals'; arrivals: [groupKey: string, arrivedAtMs: number][] };

/** The receiver as the bench sees it. */
export interface ReceiverProcess {
  readonly url: string;
  /** How many groups have been heard from since the last `take`. */
  count(): Promise<number>;
  /** Each group's first request since the last `take` (epoch ms, `Date.now()`), and forgets them. */
  take(): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/** Forks this file as a webhook receiver on loopback. */
export async function startReceiverProcess(): Promise<ReceiverProcess> {
  const child = fork(__filename, [], { execArgv: ['-r', '@swc-node/register'] });
  const port = await nextMessage(child, 'listening');
  return {
    url: `http://127.0.0.1:${port.port}`,
    count: async () => (await ask(child, { type: 'count' }, 'count')).count,
    take: async () => new Map((await ask(child, { type: 'take' }, 'arrivals')).arrivals),
    close: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}

function ask<T extends ToParent['type']>(child: ChildProcess, message: ToChild, reply: T) {
  const answer = nextMessage(child, reply);
  child.send(message);
  return answer;
}

function nextMessage<T extends ToParent['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ToParent): void => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ToParent, { type: T }>);
    };
    const onExit = (code: number | null): void => reject(new Error(`receiver process exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** The child: records each group's first request and answers 200. */
function serve(): void {
  let arrivals = new Map<string, number>();
  const send = (message: ToParent): void => void process.send?.(message);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const arrivedAtMs = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
      const { groupKey } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { groupKey: string };
      if (!arrivals.has(groupKey)) arrivals.set(groupKey, arrivedAtMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  process.on('message', (message: ToChild) => {
    if (message.type === 'count') return send({ type: 'count', count: arrivals.size });
    send({ type: 'arrivals', arrivals: [...arrivals] });
    arrivals = new Map();
  });
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () =>
    send({ type: 'listening', port: (server.address() as AddressInfo).port }),
  );
}

if (require.main === module) serve();
