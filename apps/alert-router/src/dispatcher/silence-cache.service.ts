import { Injectable, Logger } from '@nestjs/common';
import { SilenceStoreService } from '../silence-store/silence-store.service';
import type { Silence } from '../silences/silence.model';

// How old the copy may get before a flush triggers a background re-read (a silence set on another
// replica is seen about this late; one set through this replica is seen at once).
const MAX_AGE_MS = 1_000;

/**
 * The unexpired silences for flushes and the alerts API. A flush never waits for the database
 * once a copy exists: a copy older than a second is re-read in the background (stale while
 * revalidate), so a burst of hundreds of due groups is not queued behind one query. A silence
 * written through this replica (the store's `version` moved) is always waited for.
 */
@Injectable()
export class SilenceCacheService {
  private readonly logger = new Logger(SilenceCacheService.name);
  private current?: { readMs: number; version: number; silences: Silence[] };
  private reading?: { version: number; silences: Promise<Silence[]> };

  constructor(private readonly store: SilenceStoreService) {}

  async unexpired(): Promise<Silence[]> {
    const version = this.store.version;
    const current = this.current;
    if (!current || current.version !== version) return this.read(version);
    if (performance.now() - current.readMs >= MAX_AGE_MS) {
      this.read(version).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'silences re-read failed; using the previous copy'),
      );
    }
    return current.silences;
  }

  private read(version: number): Promise<Silence[]> {
    if (this.reading?.version === version) return this.reading.silences;
    const readMs = performance.now();
    const silences = this.store.listUnexpired().then((list) => {
      if (!this.current || this.current.readMs <= readMs) this.current = { readMs, version, silences: list };
      return list;
    });
    const reading = { version, silences };
    this.reading = reading;
    const clear = (): void => {
      if (this.reading === reading) this.reading = undefined;
    };
    silences.then(clear, clear);
    return silences;
  }
}
