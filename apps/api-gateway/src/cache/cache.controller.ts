import { Controller, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';
import { AnswerCacheService } from './answer-cache.service';

/** Operators drop cached answers, e.g. after fixing data an owner served wrongly. */
@Controller()
export class CacheController {
  constructor(private readonly cache: AnswerCacheService) {}

  @Endpoint(gatewayRoutes.cacheClear)
  clear(@Req() request: Request) {
    validateInput(gatewayRoutes.cacheClear, { params: {}, query: request.query, body: undefined });
    return { cleared: this.cache.clear() };
  }
}
