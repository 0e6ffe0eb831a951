import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import { AuthException } from '../access/auth.exception';
import { RefreshTokenEntity } from './refresh-token.entity';
import { hashToken, randomSecret } from './token-hash.util';

/** A refresh token handed to the client once, and the session (family) it belongs to. */
export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  wallet: string;
  expiresAt: Date;
}

/**
 * Rotating refresh tokens (REFRESH_TOKEN_TTL_SECONDS, 7 days by default): each is used once and
 * replaced; presenting one that was already rotated means it was stolen or replayed, so the whole
 * family is revoked and the session must sign in again (OAuth 2.0 Security BCP, refresh rotation).
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts a session (a new family) for a wallet that just signed in. */
  start(wallet: string): Promise<IssuedRefreshToken> {
    return this.insert(this.dataSource.getRepository(RefreshTokenEntity), wallet, randomUUID());
  }

  /** Uses a refresh token up and issues its successor in the same family. */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const now = this.clock();
    type Outcome = { issued: IssuedRefreshToken } | { error: keyof typeof refreshDetail };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const repo = manager.getRepository(RefreshTokenEntity);
      // The row lock makes two concurrent rotations of one token see each other: one wins, one is a reuse.
      const row = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(token) })
        .getOne();
      if (!row) return { error: 'invalid-token' };
      if (row.revokedAt) return { error: 'refresh-revoked' };
      if (row.usedAt) {
        await this.revokeFamilyWith(repo, row.familyId, 'reuse detected', now);
        return { error: 'refresh-reused' };
      }
      if (row.expiresAt <= now) return { error: 'refresh-expired' };
      await repo.update({ id: row.id }, { usedAt: now });
      return { issued: await this.insert(repo, row.wallet, row.familyId) };
    });
    if ('issued' in outcome) return outcome.issued;
    throw new AuthException(outcome.error, refreshDetail[outcome.error]);
  }

  /** Revokes the family a refresh token belongs to (sign-out); unknown tokens change nothing. */
  async revokeFamilyOf(token: string): Promise<string | null> {
    const repo = this.dataSource.getRepository(RefreshTokenEntity);
    const row = await repo.findOneBy({ tokenHash: hashToken(token) });
    if (!row) return null;
    await this.revokeFamilyWith(repo, row.familyId, 'signed out', this.clock());
    return row.wallet;
  }

  /** The wallet a refresh token was issued to, whatever its state (for the auth log). */
  async walletOf(token: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .findOneBy({ tokenHash: hashToken(token) });
    return row?.wallet ?? null;
  }

  private async revokeFamilyWith(
    repo: Repository<RefreshTokenEntity>,
    familyId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  private async insert(
    repo: Repository<RefreshTokenEntity>,
    wallet: string,
    familyId: string,
  ): Promise<IssuedRefreshToken> {
    const id = randomUUID();
    const token = `${id}.${randomSecret(32)}`;
    const issuedAt = this.clock();
    const expiresAt = new Date(issuedAt.getTime() + this.env.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await repo.insert({
      id,
      familyId,
      wallet,
      tokenHash: hashToken(token),
      issuedAt,
      expiresAt,
      usedAt: null,
      revokedAt: null,
      revokedReason: null,
    });
    return { token, familyId, wallet, expiresAt };
  }
}

const refreshDetail = {
  'invalid-token': 'unknown refresh token',
  'refresh-revoked': 'this refresh token was revoked; sign in again',
  'refresh-reused': 'this refresh token was already used; its session is revoked, sign in again',
  'refresh-expired': 'this refresh token expired; sign in again',
} as const;
