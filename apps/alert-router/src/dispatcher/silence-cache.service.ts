import { Injectable } from '@nestjs/common';
import { SilenceStoreService } from '../silence-store/silence-store.service';
import type { Silence } from '../silences/silence.model';

// A burst of flushes (hundreds of groups due together) shares one read; a silence set on another
// replica is seen within this long, one set here at once.
const MAX_AGE_MS = 1_000;

/** The unexpired silences for flushes, read once per burst instead of once per group. */
@Injectable()
export class SilenceCacheService {
  private cached?: { readMs: number; version: number; silences: Promise<Silence[]> };

  constructor(private readonly store: SilenceStoreService) {}

  unexpired(): Promise<Silence[]> {
    const nowMs = performance.now();
    const fresh =
      this.cached && this.cached.version === this.store.version && nowMs - this.cached.readMs < MAX_AGE_MS;
    if (!fresh) {
      const silences = this.store.listUnexpired();
      this.cached = { readMs: nowMs, version: this.store.version, silences };
      silences.catch(() => (this.cached = undefined));
    }
    return this.cached!.silences;
  }
}
