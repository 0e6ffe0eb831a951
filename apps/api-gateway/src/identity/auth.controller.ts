import { Body, Controller, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import type { Role } from '../routes/route.model';
import { identityRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';
import { AuthException } from './access/auth.exception';
import type { Principal } from './access/principal';
import { CurrentPrincipal } from './access/principal.decorator';
import { AuthLogService } from './auth-log/auth-log.service';
import { SiweService, claimedAddressOf } from './siwe/siwe.service';
import { AccessTokenService } from './tokens/access-token.service';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { UserService } from './users/user.service';

/** The tokens a sign-in or refresh answers. */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  wallet: string;
  role: Role;
}

/** Sign-In with Ethereum and the session tokens that follow from it. */
@Controller()
export class AuthController {
  constructor(
    private readonly siwe: SiweService,
    private readonly access: AccessTokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly users: UserService,
    private readonly authLog: AuthLogService,
  ) {}

  @Endpoint(identityRoutes.nonce)
  async nonce() {
    const { nonce, expiresAt } = await this.siwe.issueNonce();
    return { nonce, domain: this.siwe.domain, expiresAt: expiresAt.toISOString() };
  }

  @Endpoint(identityRoutes.verify)
  async verify(@Body() raw: unknown, @Req() request: Request): Promise<TokenPair> {
    const { body } = validateInput(identityRoutes.verify, { params: {}, query: request.query, body: raw });
    const { message, signature } = body as { message: string; signature: `0x${string}` };
    const ip = request.ip ?? 'unknown';
    let wallet: string;
    try {
      wallet = await this.siwe.verify(message, signature);
    } catch (error) {
      if (error instanceof AuthException) {
        await this.authLog.record({
          subject: claimedAddressOf(message),
          action: 'siwe.verify',
          success: false,
          ip,
          reason: error.code,
        });
      }
      throw error;
    }
    const role = await this.users.signedIn(wallet);
    const refresh = await this.refreshTokens.start(wallet);
    await this.authLog.record({ subject: wallet, action: 'siwe.verify', success: true, ip });
    return this.pair(wallet, role, refresh);
  }

  @Endpoint(identityRoutes.refresh)
  async refresh(@Body() raw: unknown, @Req() request: Request): Promise<TokenPair> {
    const { body } = validateInput(identityRoutes.refresh, { params: {}, query: request.query, body: raw });
    const { refreshToken } = body as { refreshToken: string };
    const ip = request.ip ?? 'unknown';
    try {
      const next = await this.refreshTokens.rotate(refreshToken);
      const role = this.users.roleOf(next.wallet);
      await this.authLog.record({ subject: next.wallet, action: 'token.refresh', success: true, ip });
      return this.pair(next.wallet, role, next);
    } catch (error) {
      if (error instanceof AuthException) {
        const subject = await this.refreshTokens.walletOf(refreshToken);
        await this.authLog.record({
          subject,
          action: 'token.refresh',
          success: false,
          ip,
          reason: error.code,
        });
      }
      throw error;
    }
  }

  @Endpoint(identityRoutes.logout)
  async logout(@Body() raw: unknown, @Req() request: Request): Promise<void> {
    const { body } = validateInput(identityRoutes.logout, { params: {}, query: request.query, body: raw });
    const wallet = await this.refreshTokens.revokeFamilyOf((body as { refreshToken: string }).refreshToken);
    await this.authLog.record({
      subject: wallet,
      action: 'logout',
      success: wallet !== null,
      ip: request.ip ?? 'unknown',
    });
  }

  @Endpoint(identityRoutes.me)
  me(@CurrentPrincipal() principal: Principal) {
    switch (principal.kind) {
      case 'wallet':
        return { kind: 'wallet', wallet: principal.wallet, role: principal.role, scopes: ['*'] };
      case 'api-key':
        return {
          kind: 'api-key',
          keyId: principal.keyId,
          prefix: principal.prefix,
          role: principal.role,
          scopes: principal.scopes,
        };
      case 'anonymous':
        return { kind: 'anonymous', role: 'public', scopes: [] };
    }
  }

  private async pair(
    wallet: string,
    role: Role,
    refresh: { token: string; familyId: string; expiresAt: Date },
  ): Promise<TokenPair> {
    return {
      accessToken: await this.access.issue({ sub: wallet, role, sid: refresh.familyId }),
      tokenType: 'Bearer',
      expiresIn: this.access.ttlSeconds,
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
      wallet,
      role,
    };
  }
}
