// SQL evidence for the bench: how many statements one Kafka batch costs and where its time goes.
// Wraps `pg.Client.prototype.query` for the process; statements sent inside `measure()` (the batch
// processor's apply) are counted and timed by kind, everything else (relay, polling) only counted.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

/** Statements of one kind inside measured work: how many and their summed round-trip time. */
export interface StatementStats {
  count: number;
  ms: number;
}

/** Counts of the statements sent since the last reset. */
export interface QueryCounts {
  /** Calls of the measured work. */
  readonly calls: number;
  /** Wall time inside the measured work. */
  readonly callMs: number;
  /** Statements sent inside it, by kind (`INSERT INTO chain_events`, `BEGIN`, …). */
  readonly byKind: Record<string, StatementStats>;
  readonly inside: number;
  /** Statements sent by anything else but the excluded clients. */
  readonly outside: number;
}

export interface QueryCounter {
  /** Runs work as measured: its statements are counted and timed. */
  measure<T>(work: () => Promise<T>): Promise<T>;
  counts(): QueryCounts;
  reset(): void;
}

const measured = new AsyncLocalStorage<true>();

/** Installs the wrapper once; `excluded` clients (the bench's own) are not counted at all. */
export function countQueries(excluded: ReadonlySet<Client>): QueryCounter {
  let calls = 0;
  let callMs = 0;
  let outside = 0;
  let byKind = new Map<string, StatementStats>();
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  Client.prototype.query = function counted(this: Client, ...args: unknown[]) {
    if (excluded.has(this)) return original.apply(this, args);
    if (measured.getStore() === undefined) {
      outside++;
      return original.apply(this, args);
    }
    const kind = kindOf(args[0]);
    const stats = byKind.get(kind) ?? { count: 0, ms: 0 };
    byKind.set(kind, stats);
    stats.count++;
    const started = performance.now();
    const done = () => (stats.ms += performance.now() - started);
    const callback = args.findIndex((arg) => typeof arg === 'function');
    if (callback >= 0) {
      const inner = args[callback] as (...a: unknown[]) => unknown;
      args[callback] = (...a: unknown[]) => {
        done();
        return inner(...a);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  } as typeof Client.prototype.query;
  return {
    async measure(work) {
      const started = performance.now();
      try {
        return await measured.run(true, work);
      } finally {
        calls++;
        callMs += performance.now() - started;
      }
    },
    counts: () => ({
      calls,
      callMs,
      byKind: Object.fromEntries(
        [...byKind.entries()].sort(([, a], [, b]) => b.ms - a.ms).map(([k, v]) => [k, { ...v }]),
      ),
      inside: [...byKind.values()].reduce((sum, s) => sum + s.count, 0),
      outside,
    }),
    reset() {
      calls = 0;
      callMs = 0;
      outside = 0;
      byKind = new Map();
    },
  };
}

/** `INSERT INTO chain_events`, `WITH … UPDATE chain_events`, `SELECT w.wallet`: enough to tell statements apart. */
function kindOf(query: unknown): string {
  const text = typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? '');
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const verb = words[0]?.toUpperCase() ?? '';
  if (verb === 'INSERT') return `INSERT INTO ${words[2] ?? ''}`;
  if (verb === 'UPDATE') return `UPDATE ${words[1] ?? ''}`;
  if (verb === 'DELETE') return `DELETE FROM ${words[2] ?? ''}`;
  if (verb === 'WITH') {
    const update = words.indexOf('UPDATE');
    return update >= 0 ? `WITH … UPDATE ${words[update + 1] ?? ''}` : 'WITH …';
  }
  return words.slice(0, 3).join(' ');
}
