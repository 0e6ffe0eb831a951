import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { CLOCK, type Clock } from '../time/clock';
import { createSilence, editSilence, expireSilence } from '../silences/silence-edit.util';
import type { Silence, SilenceDraft } from '../silences/silence.model';
import { SilenceEntity } from './silence.entity';

/** Silences in Postgres, created and edited by Alertmanager's rules (see silences/silence-edit.util). */
@Injectable()
export class SilenceStoreService {
  /** Bumped by every write through this instance, so caches of the silences know to re-read. */
  version = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates a silence, or edits `id`; returns the id now in force (a new one when history is kept). */
  async set(draft: SilenceDraft, id?: string): Promise<string> {
    try {
      return await this.write(draft, id);
    } finally {
      this.version++;
    }
  }

  private write(draft: SilenceDraft, id?: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(SilenceEntity);
      const now = this.clock();
      if (id === undefined) return (await repo.save(rowOf(createSilence(draft, now, randomUUID())))).id;
      const stored = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!stored) throw new NotFoundException(`silence ${id} not found`);
      const edit = editSilence(stored, draft, now, randomUUID());
      if (edit.kind === 'replaced') await repo.save(rowOf(edit.expired));
      await repo.save(rowOf(edit.silence));
      return edit.silence.id;
    });
  }

  async expire(id: string): Promise<void> {
    const repo = this.dataSource.getRepository(SilenceEntity);
    const stored = await repo.findOneBy({ id });
    if (!stored) throw new NotFoundException(`silence ${id} not found`);
    await repo.save(rowOf(expireSilence(stored, this.clock())));
    this.version++;
  }

  async get(id: string): Promise<Silence> {
    const stored = await this.dataSource.getRepository(SilenceEntity).findOneBy({ id });
    if (!stored) throw new NotFoundException(`silence ${id} not found`);
    return stored;
  }

  async list(): Promise<Silence[]> {
    return this.dataSource.getRepository(SilenceEntity).find({ order: { startsAt: 'DESC', id: 'ASC' } });
  }

  /** Silences that are not over: what can mute an alert now or later. */
  async listUnexpired(): Promise<Silence[]> {
    return this.dataSource.getRepository(SilenceEntity).findBy({ endsAt: MoreThan(this.clock()) });
  }
}

function rowOf(silence: Silence): SilenceEntity {
  return Object.assign(new SilenceEntity(), { ...silence, matchers: [...silence.matchers] });
}
