import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GatewayMetrics } from '../../metrics/gateway.metrics';
import { RateLimiterService } from '../../protection/rate-limiter.service';
import { rateLimitHeaders } from '../../protection/rate-limit-counters';
import { ROUTE_DEFINITION } from '../../routes/endpoint.decorator';
import type { RouteDefinition } from '../../routes/route.model';
import { ApiKeyService } from '../api-keys/api-key.service';
import { AuthLogService } from '../auth-log/auth-log.service';
import { AccessTokenService } from '../tokens/access-token.service';
import { AuthException } from './auth.exception';
import { denialOf } from './authorize.util';
import { PRINCIPAL, type Principal, keyPrincipal, rateIdentityOf, walletPrincipal } from './principal';

/**
 * Runs before every route of the table: who is calling (access token, API key, or nobody), whether
 * they are within their rate limit, and whether their role and scopes allow the route. Handlers
 * without a route definition (/ready, /metrics) are probes and pass.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly keys: ApiKeyService,
    private readonly authLog: AuthLogService,
    private readonly limiter: RateLimiterService,
    private readonly metrics: GatewayMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = this.reflector.get<RouteDefinition | undefined>(ROUTE_DEFINITION, context.getHandler());
    if (!route) return true;
    const request = context.switchToHttp().getRequest<Request & { [PRINCIPAL]?: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();

    const principal = await this.identify(request);
    const decision = this.limiter.consume(route, rateIdentityOf(principal));
    response.set(rateLimitHeaders(decision, decision.windowSeconds));
    if (!decision.allowed) {
      this.metrics.rateLimited.inc({ route: route.id });
      throw new HttpException(
        {
          title: 'too many requests',
          detail: `rate limit of ${decision.limit} requests per ${decision.windowSeconds} s reached; retry in ${decision.resetSeconds} s`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const denial = denialOf(principal, route);
    if (denial) throw new AuthException(denial.code, denial.detail);
    request[PRINCIPAL] = principal;
    return true;
  }

  private async identify(request: Request): Promise<Principal> {
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const authorization = request.headers.authorization;
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey !== '') {
      try {
        const key = await this.keys.authenticate(apiKey);
        return keyPrincipal(key, ip);
      } catch (error) {
        if (error instanceof AuthException) {
          await this.authLog.record({
            subject: `key:${apiKey.slice(0, 12)}`,
            action: 'api-key.use',
            success: false,
            ip,
            reason: error.code,
          });
        }
        throw error;
      }
    }
    if (authorization?.startsWith('Bearer ')) {
      try {
        const claims = this.tokens.verify(authorization.slice('Bearer '.length).trim());
        return walletPrincipal(claims, ip);
      } catch (error) {
        if (error instanceof AuthException) {
          await this.authLog.record({
            subject: null,
            action: 'token.access',
            success: false,
            ip,
            reason: error.code,
          });
        }
        throw error;
      }
    }
    return { kind: 'anonymous', role: 'public', ip };
  }
}
