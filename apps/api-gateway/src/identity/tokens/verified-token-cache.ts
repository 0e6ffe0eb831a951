/**
 * Access tokens whose signature and claims were already checked, kept until they expire, so a
 * client sending the same token on every request costs one HMAC and JSON parse per token instead of
 * per request. Only successes are kept; the answer for a cached token is exactly what verifying it
 * again would give until its `exp` (access tokens are not revocable before they expire, see README).
 * Bounded: the oldest entry goes first when full. Time is passed in, so it is unit-tested.
 */
export class VerifiedTokenCache<C> {
  private readonly entries = new Map<string, { claims: C; expiresAtMs: number }>();

  constructor(private readonly maxEntries: number) {}

  /** The claims of a token verified before, while `nowMs` is before its expiry; undefined otherwise. */
  get(token: string, nowMs: number): C | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (nowMs >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.claims;
  }

  /** Keeps a verified token's claims until `expiresAtMs` (the JWT `exp` in milliseconds). */
  set(token: string, claims: C, expiresAtMs: number): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { claims, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
