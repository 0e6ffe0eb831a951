import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { parseOrBadRequest } from '@convergence/service-kit';
import type { ChainStatusDto } from '../indexing/chain-status.view';
import { EvmIndexingService } from '../indexing/evm-indexing.service';
import { chainIdParamSchema, reindexRequestSchema } from './reindex-request.schema';

/** Operators' view of the EVM chains: status per chain, and re-indexing a chain from a block. */
@Controller('chains')
export class ChainsController {
  constructor(private readonly indexing: EvmIndexingService) {}

  @Get()
  list(): ChainStatusDto[] {
    return this.indexing.statuses();
  }

  @Get(':chainId')
  get(@Param('chainId') chainId: string): ChainStatusDto {
    return this.indexing.status(parseOrBadRequest(chainIdParamSchema, chainId, 'invalid chain id'));
  }

  /** Restarts the chain's loop from `fromBlock` (clearing a halt); logs from there are published again with the same ids. */
  @Post(':chainId/reindex')
  @HttpCode(202)
  async reindex(@Param('chainId') chainId: string, @Body() body: unknown): Promise<ChainStatusDto> {
    const id = parseOrBadRequest(chainIdParamSchema, chainId, 'invalid chain id');
    const { fromBlock } = parseOrBadRequest(reindexRequestSchema, body, 'invalid re-index request');
    return this.indexing.reindex(id, BigInt(fromBlock));
  }
}
