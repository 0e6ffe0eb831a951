import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { CLOCK, type Clock } from '../../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import type { Role } from '../../routes/route.model';
import { AuthException } from '../access/auth.exception';
import { VerifiedTokenCache } from './verified-token-cache';

/** What an access token says about its bearer. */
export interface AccessClaims {
  /** Lowercase wallet. */
  sub: string;
  role: Role;
  /** The refresh-token family (sign-in session) it was issued in. */
  sid: string;
}

const roles: readonly string[] = ['viewer', 'operator', 'admin'];

// Distinct live access tokens remembered as verified; beyond this the oldest is verified again.
const VERIFIED_TOKENS_KEPT = 50_000;

/**
 * Short-lived HS256 JWTs (ACCESS_TOKEN_TTL_SECONDS, 15 min by default), checked without a database;
 * a token seen before is answered from memory until it expires (VerifiedTokenCache).
 */
@Injectable()
export class AccessTokenService {
  private readonly verified = new VerifiedTokenCache<AccessClaims>(VERIFIED_TOKENS_KEPT);

  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  issue(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(
      { sub: claims.sub, role: claims.role, sid: claims.sid, typ: 'access' },
      { expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS },
    );
  }

  get ttlSeconds(): number {
    return this.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  /** The claims of a valid, unexpired access token; AuthException `invalid-token` otherwise. */
  verify(token: string): AccessClaims {
    const known = this.verified.get(token, this.clock().getTime());
    if (known) return known;
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new AuthException('invalid-token', `access token rejected: ${(error as Error).message}`);
    }
    const { sub, role, sid, typ, exp } = payload;
    if (
      typ !== 'access' ||
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      typeof exp !== 'number' ||
      !roles.includes(role as string)
    ) {
      throw new AuthException('invalid-token', 'access token rejected: not an access token');
    }
    const claims: AccessClaims = { sub, role: role as Role, sid };
    // jsonwebtoken refuses a token once floor(now / 1000) >= exp, i.e. from exp * 1000 ms on.
    this.verified.set(token, claims, exp * 1000);
    return claims;
  }
}
