import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AnswerCacheService } from '../cache/answer-cache.service';
import { AuthException } from '../identity/access/auth.exception';
import { ownWalletDenial } from '../identity/access/authorize.util';
import { PRINCIPAL, type Principal } from '../identity/access/principal';
import type { RouteDefinition } from '../routes/route.model';
import { validateInput } from '../routes/validate-input.util';
import { problemFromUpstream } from './upstream-problem.util';
import { upstreamPathOf } from './upstream-path.util';
import { type UpstreamResponse, UpstreamClient } from './upstream.client';

/** Validates a request of a forwarded route, sends it to the owner, and relays the answer. */
@Injectable()
export class ForwardService {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly cache: AnswerCacheService,
  ) {}

  async handle(
    route: RouteDefinition,
    request: Request & { [PRINCIPAL]?: Principal },
    response: Response,
  ): Promise<void> {
    const target = route.upstream;
    if (!target) throw new Error(`route ${route.id} has no upstream`);
    const input = validateInput(route, { params: request.params, query: request.query, body: request.body });
    const principal = request[PRINCIPAL];
    if (route.ownWallet && principal) {
      const source = route.ownWallet.in === 'params' ? input.params : (input.body as Record<string, unknown>);
      const denial = ownWalletDenial(principal, String(source[route.ownWallet.field]));
      if (denial) throw new AuthException(denial.code, denial.detail);
    }

    const wallet = typeof input.query['address'] === 'string' ? input.query['address'] : undefined;
    if (route.cache && wallet) {
      const cached = this.cache.get(route.cache, wallet);
      if (cached) return relay(response, cached, 'hit');
    }
    const answer = await this.upstream.request(
      target.service,
      target.method,
      upstreamPathOf(target, input.params, input.query),
      {
        body: input.body,
      },
    );
    if (answer.status >= 400) throw problemFromUpstream(target.service, answer);
    if (route.cache && wallet) this.cache.set(route.cache, wallet, answer);
    // A changed unlock definition changes eligibility for everyone.
    if (target.service === 'unlock-engine' && target.method !== 'GET') this.cache.invalidateEligibility();
    relay(response, answer, route.cache ? 'miss' : undefined);
  }
}

function relay(response: Response, answer: UpstreamResponse, cache: 'hit' | 'miss' | undefined): void {
  if (cache) response.setHeader('x-cache', cache);
  response.status(answer.status);
  if (answer.body.length === 0) {
    response.end();
    return;
  }
  response.type(answer.contentType || 'application/json').send(answer.body);
}
