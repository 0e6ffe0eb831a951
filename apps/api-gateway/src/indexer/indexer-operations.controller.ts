import { Body, Controller, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { PRINCIPAL, type Principal, subjectOf } from '../identity/access/principal';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';
import { IndexerOperationsService } from './indexer-operations.service';

/** `GET /api/operator/indexer/chains/:chainId` and `POST /api/operator/indexer/reindex` (the list is forwarded as is). */
@Controller()
export class IndexerOperationsController {
  constructor(private readonly indexer: IndexerOperationsService) {}

  @Endpoint(gatewayRoutes.indexerChain)
  chain(@Param() rawParams: unknown, @Req() request: Request) {
    const { params } = validateInput(gatewayRoutes.indexerChain, {
      params: rawParams,
      query: request.query,
      body: undefined,
    });
    return this.indexer.chain(params['chainId'] as number);
  }

  @Endpoint(gatewayRoutes.reindex)
  reindex(@Body() raw: unknown, @Req() request: Request & { [PRINCIPAL]?: Principal }) {
    const { body } = validateInput(gatewayRoutes.reindex, { params: {}, query: request.query, body: raw });
    const { chainId, fromBlock } = body as { chainId: number; fromBlock: string };
    const principal = request[PRINCIPAL];
    return this.indexer.reindex(chainId, fromBlock, (principal && subjectOf(principal)) ?? 'unknown');
  }
}
