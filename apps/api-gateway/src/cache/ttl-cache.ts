/**
 * A bounded map whose entries expire `ttlMs` after they were set; the oldest entry goes first when
 * full (Map keeps insertion order). Time is passed in, so expiry is tested without waiting.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, nowMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, nowMs: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: nowMs + this.ttlMs });
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Drops every key starting with `prefix`; answers how many went. */
  deletePrefix(prefix: string): number {
    let dropped = 0;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): number {
    const size = this.entries.size;
    this.entries.clear();
    return size;
  }

  get size(): number {
    return this.entries.size;
  }
}
