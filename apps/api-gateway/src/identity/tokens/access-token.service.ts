import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GATEWAY_ENV, type GatewayEnv } from '../../config/gateway-config';
import type { Role } from '../../routes/route.model';
import { AuthException } from '../access/auth.exception';

/** What an access token says about its bearer. */
export interface AccessClaims {
  /** Lowercase wallet. */
  sub: string;
  role: Role;
  /** The refresh-token family (sign-in session) it was issued in. */
  sid: string;
}

const roles: readonly string[] = ['viewer', 'operator', 'admin'];

/** Short-lived HS256 JWTs (ACCESS_TOKEN_TTL_SECONDS, 15 min by default), checked without a database. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
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
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch (error) {
      throw new AuthException('invalid-token', `access token rejected: ${(error as Error).message}`);
    }
    const { sub, role, sid, typ } = payload;
    if (
      typ !== 'access' ||
      typeof sub !== 'string' ||
      typeof sid !== 'string' ||
      !roles.includes(role as string)
    ) {
      throw new AuthException('invalid-token', 'access token rejected: not an access token');
    }
    return { sub, role: role as Role, sid };
  }
}
