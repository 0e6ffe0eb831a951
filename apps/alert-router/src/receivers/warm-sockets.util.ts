import type { Agent, ClientRequestArgs } from 'node:http';
import type { Socket } from 'node:net';

// A waiting connection that fails, is closed by the server, or outlives its time is dropped.
const DROP_EVENTS = ['error', 'end', 'timeout', 'close'] as const;

/**
 * Connections opened ahead of the requests that will use them, handed to a keep-alive `Agent` when it
 * would otherwise open a new one (through `agent.createConnection`, which Node lets an agent
 * override). A burst of groups falling due together then finds its connections made: opening one
 * on loopback cost about as much CPU as the request itself, and the request waited for it.
 *
 * A warm connection unused for `ttlMs` is closed; one the server closes, or that fails, is dropped.
 * Together with the agent's own sockets, never more than `maxSocketsPerHost` are open to a host.
 *
 * @example
 * const warm = new WarmSockets(agent, { maxSocketsPerHost: 128, idleTimeoutMs: 4_000 });
 * warm.open({ host: '10.0.0.7', port: 9093 }, 10_000); // later requests to it start on this socket
 */
export class WarmSockets {
  private readonly waiting = new Map<string, Set<Socket>>();
  /** The listener that drops a waiting socket, removed when the agent takes the socket. */
  private readonly drops = new WeakMap<Socket, () => void>();
  private readonly connect: Agent['createConnection'];

  constructor(
    private readonly agent: Agent,
    private readonly limits: { readonly maxSocketsPerHost: number; readonly idleTimeoutMs: number },
  ) {
    this.connect = agent.createConnection.bind(agent);
    agent.createConnection = (options, callback) =>
      this.take(agent.getName(options)) ?? this.connect(options, callback);
  }

  /** Opens one more connection to `target` for a request expected within `ttlMs`, if the host has room. */
  open(target: Pick<ClientRequestArgs, 'host' | 'port'>, ttlMs: number): void {
    const name = this.agent.getName(target);
    const waiting = this.waiting.get(name) ?? new Set<Socket>();
    const open =
      (this.agent.sockets[name]?.length ?? 0) + (this.agent.freeSockets[name]?.length ?? 0) + waiting.size;
    if (open >= this.limits.maxSocketsPerHost) return;
    const socket = this.connect({ ...target, timeout: ttlMs }) as Socket | null | undefined;
    if (!socket) return;
    this.waiting.set(name, waiting.add(socket));
    const drop = (): void => {
      this.forget(name, socket);
      socket.destroy();
    };
    for (const event of DROP_EVENTS) socket.once(event, drop);
    this.drops.set(socket, drop);
    socket.unref();
  }

  /** Closes every waiting connection (they also close themselves once their time is up). */
  close(): void {
    for (const sockets of this.waiting.values()) for (const socket of sockets) socket.destroy();
    this.waiting.clear();
  }

  /** A waiting connection for the agent, now the agent's: our listeners off, its idle timeout on. */
  private take(name: string): Socket | undefined {
    const waiting = this.waiting.get(name);
    if (!waiting) return undefined;
    for (const socket of waiting) {
      this.forget(name, socket);
      if (socket.destroyed) continue;
      const drop = this.drops.get(socket);
      if (drop) for (const event of DROP_EVENTS) socket.off(event, drop);
      socket.setTimeout(this.limits.idleTimeoutMs);
      socket.ref();
      return socket;
    }
    return undefined;
  }

  private forget(name: string, socket: Socket): void {
    const waiting = this.waiting.get(name);
    waiting?.delete(socket);
    if (waiting?.size === 0) this.waiting.delete(name);
  }
}
