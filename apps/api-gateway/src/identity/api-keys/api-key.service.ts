import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import type { Role } from '../../routes/route.model';
import { AuthException } from '../access/auth.exception';
import { hashToken, randomSecret } from '../tokens/token-hash.util';
import { ApiKeyEntity } from './api-key.entity';

/** An API key as listed: everything but the key. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

// A looked-up key is trusted this long before Postgres is asked again: revocation reaches other
// instances within this time (at once on the instance that revoked it).
const LOOKUP_TTL_MS = 10_000;
// last_used_at is written at most this often per key, so a busy key costs no write per request.
const LAST_USED_PRECISION_MS = 60_000;

/** API keys for services and operators: shown once, stored as SHA-256, scoped, revocable, last use kept. */
@Injectable()
export class ApiKeyService {
  private readonly lookups = new Map<string, { key: ApiKeyEntity; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Creates a key; the returned `key` is never stored or shown again. */
  async create(input: {
    name: string;
    role: Role;
    scopes: string[];
    createdBy: string;
  }): Promise<ApiKeyView & { key: string }> {
    const key = `cvg_${randomSecret(32)}`;
    const row: ApiKeyEntity = {
      id: randomUUID(),
      name: input.name,
      prefix: key.slice(0, 12),
      keyHash: hashToken(key),
      role: input.role,
      scopes: [...new Set(input.scopes)].sort(),
      createdBy: input.createdBy,
      createdAt: this.clock(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.dataSource.getRepository(ApiKeyEntity).insert(row);
    return { ...viewOf(row), key };
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map(viewOf);
  }

  async revoke(id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: this.clock() });
    for (const [hash, cached] of this.lookups) if (cached.key.id === id) this.lookups.delete(hash);
    if (result.affected === 0) {
      const exists = await this.dataSource.getRepository(ApiKeyEntity).existsBy({ id });
      if (!exists) throw new NotFoundException(`API key ${id} does not exist`);
    }
  }

  /**
   * The key's record when this instance looked it up less than LOOKUP_TTL_MS ago, it was not revoked
   * and its last use needs no write; undefined otherwise (then `authenticate` decides, with I/O).
   * For the cached-read fast path, which must answer without touching Postgres.
   */
  trustedWithoutIo(key: string): ApiKeyEntity | undefined {
    const found = this.lookups.get(hashToken(key));
    const now = this.clock().getTime();
    if (!found || found.until <= now || found.key.revokedAt) return undefined;
    const lastUsed = found.key.lastUsedAt;
    if (!lastUsed || now - lastUsed.getTime() >= LAST_USED_PRECISION_MS) return undefined;
    return found.key;
  }

  /** The key's record when it is known and not revoked; AuthException otherwise. Notes its use. */
  async authenticate(key: string): Promise<ApiKeyEntity> {
    const hash = hashToken(key);
    const now = this.clock();
    let found = this.lookups.get(hash);
    if (!found || found.until <= now.getTime()) {
      const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ keyHash: hash });
      if (!row) throw new AuthException('unknown-key', 'unknown API key');
      found = { key: row, until: now.getTime() + LOOKUP_TTL_MS };
      this.lookups.set(hash, found);
    }
    if (found.key.revokedAt)
      throw new AuthException('revoked-key', `API key ${found.key.prefix}… was revoked`);
    if (!found.key.lastUsedAt || now.getTime() - found.key.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      found.key.lastUsedAt = now;
      await this.dataSource.getRepository(ApiKeyEntity).update({ id: found.key.id }, { lastUsedAt: now });
    }
    return found.key;
  }
}

function viewOf(row: ApiKeyEntity): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    scopes: row.scopes,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
