import { Body, Controller, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { Address } from 'viem';
import { PRINCIPAL, type Principal, subjectOf } from '../identity/access/principal';
import { Endpoint } from '../routes/endpoint.decorator';
import type { RouteDefinition } from '../routes/route.model';
import { gatewayRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';
import { ContractOpsService } from './contract-ops.service';

type GuardedRequest = Request & { [PRINCIPAL]?: Principal };
type RoleInput = { contract: string; role: string; account: Address };

/** Emergency operations on the demo contracts: state, pause / unpause, grant / revoke / check a role. */
@Controller()
export class ContractOpsController {
  constructor(private readonly ops: ContractOpsService) {}

  @Endpoint(gatewayRoutes.contracts)
  contracts(@Req() request: Request) {
    input(gatewayRoutes.contracts, request, undefined);
    return this.ops.contracts();
  }

  @Endpoint(gatewayRoutes.pause)
  pause(@Body() raw: unknown, @Req() request: GuardedRequest) {
    const { contract } = input(gatewayRoutes.pause, request, raw) as { contract: string };
    return this.ops.setPaused(contract, true, actorOf(request));
  }

  @Endpoint(gatewayRoutes.unpause)
  unpause(@Body() raw: unknown, @Req() request: GuardedRequest) {
    const { contract } = input(gatewayRoutes.unpause, request, raw) as { contract: string };
    return this.ops.setPaused(contract, false, actorOf(request));
  }

  @Endpoint(gatewayRoutes.grantRole)
  grant(@Body() raw: unknown, @Req() request: GuardedRequest) {
    return this.ops.setRole(
      'grantRole',
      input(gatewayRoutes.grantRole, request, raw) as RoleInput,
      actorOf(request),
    );
  }

  @Endpoint(gatewayRoutes.revokeRole)
  revoke(@Body() raw: unknown, @Req() request: GuardedRequest) {
    return this.ops.setRole(
      'revokeRole',
      input(gatewayRoutes.revokeRole, request, raw) as RoleInput,
      actorOf(request),
    );
  }

  @Endpoint(gatewayRoutes.checkRole)
  check(@Req() request: Request) {
    const { query } = validateInput(gatewayRoutes.checkRole, {
      params: {},
      query: request.query,
      body: undefined,
    });
    return this.ops.checkRole(query as RoleInput);
  }
}

/** The validated body (the query too is checked: these routes take none). */
function input(route: RouteDefinition, request: Request, body: unknown): unknown {
  return validateInput(route, { params: {}, query: request.query, body }).body;
}

function actorOf(request: GuardedRequest): string {
  const principal = request[PRINCIPAL];
  return (principal && subjectOf(principal)) ?? 'unknown';
}
