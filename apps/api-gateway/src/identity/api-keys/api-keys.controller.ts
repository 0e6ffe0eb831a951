import { Body, Controller, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Endpoint } from '../../routes/endpoint.decorator';
import type { Role } from '../../routes/route.model';
import { identityRoutes } from '../../routes/route-table';
import { validateInput } from '../../routes/validate-input.util';
import { type Principal, subjectOf } from '../access/principal';
import { CurrentPrincipal } from '../access/principal.decorator';
import { AuthLogService } from '../auth-log/auth-log.service';
import { ApiKeyService } from './api-key.service';

/** Admin management of API keys, and the auth-log query for repeated failures. */
@Controller()
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly authLog: AuthLogService,
  ) {}

  @Endpoint(identityRoutes.createKey)
  create(@Body() raw: unknown, @Req() request: Request, @CurrentPrincipal() principal: Principal) {
    const { body } = validateInput(identityRoutes.createKey, { params: {}, query: request.query, body: raw });
    const input = body as { name: string; role: Role; scopes: string[] };
    return this.keys.create({ ...input, createdBy: subjectOf(principal) ?? 'unknown' });
  }

  @Endpoint(identityRoutes.listKeys)
  list(@Req() request: Request) {
    validateInput(identityRoutes.listKeys, { params: {}, query: request.query, body: undefined });
    return this.keys.list();
  }

  @Endpoint(identityRoutes.revokeKey)
  async revoke(@Param() rawParams: unknown, @Req() request: Request): Promise<void> {
    const { params } = validateInput(identityRoutes.revokeKey, {
      params: rawParams,
      query: request.query,
      body: undefined,
    });
    await this.keys.revoke(params['id'] as string);
  }

  @Endpoint(identityRoutes.authFailures)
  failures(@Req() request: Request) {
    const { query } = validateInput(identityRoutes.authFailures, {
      params: {},
      query: request.query,
      body: undefined,
    });
    return this.authLog.repeatedFailures(query['sinceMinutes'] as number, query['min'] as number);
  }
}
