import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { ApiKeyService } from './api-keys/api-key.service';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { AuthLogService } from './auth-log/auth-log.service';
import { AuthController } from './auth.controller';
import { SiweService } from './siwe/siwe.service';
import { AccessTokenService } from './tokens/access-token.service';
import { RefreshTokenService } from './tokens/refresh-token.service';
import { UserService } from './users/user.service';

/** Who callers are: SIWE sign-in, access and refresh tokens, API keys, the auth log. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [GATEWAY_ENV],
      useFactory: (env: GatewayEnv) => {
        // Without JWT_SECRET (not allowed in production) each process signs with its own random key.
        // A KeyObject, not a string: jsonwebtoken first tries to parse a string as a public key,
        // which cost ~5 ms per verified request.
        const key = createSecretKey(env.JWT_SECRET ? Buffer.from(env.JWT_SECRET, 'utf8') : randomBytes(32));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController, ApiKeysController],
  providers: [
    SiweService,
    AccessTokenService,
    RefreshTokenService,
    ApiKeyService,
    AuthLogService,
    UserService,
  ],
  exports: [AccessTokenService, ApiKeyService, AuthLogService],
})
export class IdentityModule {}
