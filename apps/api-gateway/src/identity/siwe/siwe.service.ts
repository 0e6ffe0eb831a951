import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Client, createPublicClient, custom, http } from 'viem';
import { generateSiweNonce, verifySiweMessage } from 'viem/siwe';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import { AuthException } from '../access/auth.exception';
import { checkSiweMessage } from './siwe-checks.util';
import { SiweNonceEntity } from './siwe-nonce.entity';

/**
 * Sign-In with Ethereum (EIP-4361): single-use nonces kept in Postgres (so any gateway instance can
 * accept the answer), domain and validity checks, and the signature checked by viem — by ECDSA
 * recovery for EOAs, and through SIWE_RPC_URL for smart-contract wallets (ERC-1271/6492).
 */
@Injectable()
export class SiweService {
  private readonly client: Client;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.client = createPublicClient({
      transport: env.SIWE_RPC_URL
        ? http(env.SIWE_RPC_URL, { timeout: 5_000 })
        : // Without an RPC the contract check fails at once and viem falls back to ECDSA recovery.
          custom({ request: () => Promise.reject(new Error('no SIWE_RPC_URL configured')) }),
    });
  }

  get domain(): string {
    return this.env.SIWE_DOMAIN;
  }

  async issueNonce(): Promise<{ nonce: string; expiresAt: Date }> {
    const issuedAt = this.clock();
    const expiresAt = new Date(issuedAt.getTime() + this.env.SIWE_NONCE_TTL_SECONDS * 1000);
    const nonce = generateSiweNonce();
    await this.dataSource.getRepository(SiweNonceEntity).insert({ nonce, issuedAt, expiresAt, usedAt: null });
    return { nonce, expiresAt };
  }

  /**
   * The lowercase wallet that signed `message`, once every check passed and its nonce was used up;
   * AuthException naming the failed check otherwise.
   */
  async verify(message: string, signature: `0x${string}`): Promise<string> {
    const now = this.clock();
    const check = checkSiweMessage(message, this.env.SIWE_DOMAIN, now);
    if (!check.ok) throw new AuthException(check.code, check.detail);
    const valid = await verifySiweMessage(this.client, {
      message,
      signature,
      domain: this.env.SIWE_DOMAIN,
      nonce: check.message.nonce,
      time: now,
    }).catch(() => false);
    if (!valid) throw new AuthException('bad-signature', `the signature is not ${check.message.address}'s`);
    await this.useNonce(check.message.nonce, now);
    return check.message.address.toLowerCase();
  }

  /** Marks the nonce used in one statement, so two gateways accepting the same message cannot both win. */
  private async useNonce(nonce: string, now: Date): Promise<void> {
    const used = (await this.dataSource.query(
      `UPDATE siwe_nonces SET used_at = $2 WHERE nonce = $1 AND used_at IS NULL AND expires_at > $2 RETURNING nonce`,
      [nonce, now],
    )) as [unknown[], number];
    if (used[1] === 1) return;
    const row = await this.dataSource.getRepository(SiweNonceEntity).findOneBy({ nonce });
    if (!row) throw new AuthException('unknown-nonce', 'the nonce was not issued by this gateway');
    if (row.usedAt)
      throw new AuthException('nonce-replayed', 'the nonce was already used: sign a new message');
    throw new AuthException('nonce-expired', `the nonce expired at ${row.expiresAt.toISOString()}`);
  }
}

/** The address a sign-in message claims, before anything is proven (for the auth log). */
export function claimedAddressOf(message: string): string | null {
  const match = /^(0x[0-9a-fA-F]{40})$/m.exec(message);
  return match ? match[1].toLowerCase() : null;
}
